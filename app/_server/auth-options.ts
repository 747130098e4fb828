import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { endStaffSession, moveStaffSession, SESSION_LIFETIME_MS, startStaffSession } from "@/lib/auth/staff-session";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { canEnterTenant, recordTenantEntry } from "@/lib/auth/tenant-switch";
import { clientIp } from "@/app/_server/request-info";
import { SESSION_COOKIE } from "@/app/_server/session-cookie";

// next-auth with email + password. The JWT carries only who signed in and the tenant chosen;
// role and standing are re-read from the database on every request (lib/auth/staff-session.ts).
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie lives as long as the server-side session may (an absolute lifetime, lib/auth/staff-session.ts).
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
  useSecureCookies: SESSION_COOKIE.secure,
  cookies: { sessionToken: { name: SESSION_COOKIE.name, options: { httpOnly: true, sameSite: "lax", path: "/", secure: SESSION_COOKIE.secure } } },
  // next-auth's own pages (inline styles) are not part of the product: errors land on our sign-in page.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // next-auth puts a thrown message into the sign-in URL: only our own codes may get there,
        // never a database error (host, port, SQL).
        const result = await signInWithPassword(credentials ?? {}, clientIp(req.headers ?? {})).catch((error: unknown) => {
          if (!isDatabaseUnavailable(error)) console.error("Sign-in failed", error);
          throw new Error("Unavailable");
        });
        if (!result.ok) {
          // next-auth passes the message to the sign-in page as ?error=…
          throw new Error(result.reason === "throttled" ? `Throttled:${result.retryAfterSeconds ?? 60}` : "InvalidCredentials");
        }
        return { id: result.userId, name: result.name, email: result.email, tenantId: result.tenantId };
      },
    }),
  ],
  callbacks: {
    // Only paths on this site: every callback URL goes through the one safe-redirect check.
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeNextPath(path)}`;
    },
    async jwt({ token, user, trigger, session }) {
      // At sign-in: open the server-side session the cookie will name from now on.
      if (user && "tenantId" in user && typeof user.tenantId === "string") {
        token.tenantId = user.tenantId;
        token.sid = await startStaffSession({ userId: user.id, tenantId: user.tenantId });
      }
      // Switching tenant (useSession().update({ tenantId })): the client only asks; the server
      // moves the session only into a tenant where the person is an active member right now. The
      // session row belongs to a tenant, so it moves too, keeping its absolute end.
      const requested = (session as { tenantId?: unknown } | undefined)?.tenantId;
      if (trigger === "update" && token.sub && typeof requested === "string" && typeof token.tenantId === "string" && typeof token.sid === "string" && (await canEnterTenant(token.sub, requested))) {
        token.sid = await moveStaffSession({ userId: token.sub, tenantId: token.tenantId, sessionId: token.sid }, requested);
        token.tenantId = requested;
        await recordTenantEntry(token.sub, requested);
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, tenantId: token.tenantId, sessionId: token.sid };
    },
  },
  events: {
    // Signing out ends the session on the server too: the cookie stops working even where it was copied.
    async signOut({ token }) {
      if (typeof token?.tenantId === "string" && typeof token.sid === "string") {
        await endStaffSession({ tenantId: token.tenantId, sessionId: token.sid }).catch((error: unknown) => console.error("Ending a session failed", error));
      }
    },
  },
};
