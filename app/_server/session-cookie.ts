import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import type { StaffIdentity } from "@/lib/auth/staff-session";

// The signed-in session as the browser presents it: next-auth's encrypted JWT cookie, read and
// verified here (the same decode next-auth's getServerSession runs for JWT sessions). Only claims
// come out of it; whether the session still counts is decided against the database
// (resolveStaffContext: the StaffSession row, the membership).

const SECURE = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
/** Secure, __Secure- prefixed cookies whenever the product is served over https. */
export const SESSION_COOKIE = { name: `${SECURE ? "__Secure-" : ""}next-auth.session-token`, secure: SECURE };

export async function readSessionClaims(): Promise<StaffIdentity | null> {
  const token = (await cookies()).get(SESSION_COOKIE.name)?.value;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const claims = await decode({ token, secret });
    const { sub, tenantId, sid } = (claims ?? {}) as { sub?: unknown; tenantId?: unknown; sid?: unknown };
    if (typeof sub !== "string" || typeof tenantId !== "string" || typeof sid !== "string") return null;
    return { userId: sub, tenantId, sessionId: sid };
  } catch {
    return null; // tampered, expired or from another secret: not signed in
  }
}
