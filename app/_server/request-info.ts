// The client's address. Next's server appends the socket address to X-Forwarded-For, so the last
// entry is the one this machine saw; behind N trusted proxies (TRUSTED_PROXY_HOPS=N) we step back N.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(headers: HeaderBag): string {
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const trusted = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return hops[Math.max(0, hops.length - 1 - trusted)] ?? header(headers, "x-real-ip") ?? "unknown";
}
