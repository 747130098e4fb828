import { encode } from "next-auth/jwt";
import { startStaffSession } from "@/lib/auth/staff-session";
import { SESSION_COOKIE } from "@/app/_server/session-cookie";

// A signed-in browser, as the app sees it: a server-side session row and next-auth's cookie naming it.

export async function sessionCookie(identity: { userId: string; tenantId: string }, options: { now?: Date; sessionId?: string } = {}): Promise<string> {
  const sessionId = options.sessionId ?? (await startStaffSession(identity, options.now));
  const token = await encode({ token: { sub: identity.userId, tenantId: identity.tenantId, sid: sessionId }, secret: process.env.NEXTAUTH_SECRET! });
  return `${SESSION_COOKIE.name}=${token}`;
}
