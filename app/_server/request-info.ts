// The client's address as the HTTP server (scripts/serve.ts) read it from the socket (or from the
// trusted proxies' X-Forwarded-For, see lib/http/client-address.ts). The server passes it in a
// header whose name is random per process (PST_CLIENT_IP_HEADER), so a client cannot forge it; a
// request that did not come through that server has no known address.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export const CLIENT_IP_HEADER_ENV = "PST_CLIENT_IP_HEADER";

export function clientIp(headers: HeaderBag): string {
  const name = process.env[CLIENT_IP_HEADER_ENV];
  if (!name) return "unknown";
  const value = headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()];
  const address = Array.isArray(value) ? value[0] : value;
  return address && address.length <= 64 ? address : "unknown";
}
