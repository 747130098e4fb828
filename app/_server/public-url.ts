import { headers } from "next/headers";

/**
 * An absolute URL for a path of this site, for links people copy and hand over (invitations):
 * the configured public address (NEXTAUTH_URL) when set, else the address this request came to.
 */
export async function absoluteUrl(path: string): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(path, configured).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return new URL(path, `${proto}://${host}`).toString();
}
