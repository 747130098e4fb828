// Who is on the other end of a request, for throttling and rate limits. The address comes from the
// TCP socket; X-Forwarded-For is believed only for the TRUSTED_PROXY_HOPS proxies configured in
// front of the product (each appends the address it saw, so we step back that many entries from
// the right). A client can write anything into the header; it cannot choose its socket.

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/** The client's address given the socket's peer address and the X-Forwarded-For header received. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const socket = normalise(socketAddress) ?? "unknown";
  if (hops === 0) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The socket is the nearest proxy; entries[length - 1] is what that proxy saw, and so on.
  const chain = [...entries, socket];
  return normalise(chain[Math.max(0, chain.length - 1 - hops)]) ?? socket;
}

/** The scheme the visitor used: https when the socket is TLS, or when a trusted proxy says so. */
export function visitorUsedHttps(encrypted: boolean, forwardedProto: string | string[] | undefined, hops: number): boolean {
  if (encrypted) return true;
  if (hops === 0) return false;
  const value = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return (value ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

function normalise(address: string | undefined): string | undefined {
  if (!address) return undefined;
  // IPv4 clients on a dual-stack socket appear as ::ffff:1.2.3.4.
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
