import { encode } from "next-auth/jwt";
import { resolveStaffContext, startStaffSession, type StaffContext } from "@/lib/auth/staff-session";
import { SESSION_COOKIE } from "@/app/_server/session-cookie";

// A signed-in browser, as the app sees it: a server-side session row and next-auth's cookie naming it.

export async function sessionCookie(identity: { userId: string; tenantId: string }, options: { now?: Date; sessionId?: string } = {}): Promise<string> {
  const sessionId = options.sessionId ?? (await startStaffSession(identity, options.now));
  const token = await encode({ token: { sub: identity.userId, tenantId: identity.tenantId, sid: sessionId }, secret: process.env.NEXTAUTH_SECRET! });
  return `${SESSION_COOKIE.name}=${token}`;
}

/** The staff context a request of this person would get, through a fresh server-side session (null when refused). */
export async function staffContextOf(identity: { userId: string; tenantId: string }): Promise<StaffContext | null> {
  return resolveStaffContext({ ...identity, sessionId: await startStaffSession(identity) });
}
