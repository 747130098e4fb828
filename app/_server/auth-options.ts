import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { canEnterTenant, recordTenantEntry } from "@/lib/auth/tenant-switch";
import { clientIp } from "@/app/_server/request-info";

// next-auth with email + password. The JWT carries only who signed in and the tenant chosen;
// role and standing are re-read from the database on every request (lib/auth/staff-session.ts).
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await signInWithPassword(credentials ?? {}, clientIp(req.headers ?? {}));
        if (!result.ok) {
          // next-auth passes the message to the sign-in page as ?error=…
          throw new Error(result.reason === "throttled" ? `Throttled:${result.retryAfterSeconds ?? 60}` : "InvalidCredentials");
        }
        return { id: result.userId, name: result.name, email: result.email, tenantId: result.tenantId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user && "tenantId" in user) token.tenantId = user.tenantId as string;
      // Switching tenant (useSession().update({ tenantId })): the client only asks; the server
      // moves the session only into a tenant where the person is an active member right now.
      const requested = (session as { tenantId?: unknown } | undefined)?.tenantId;
      if (trigger === "update" && token.sub && typeof requested === "string" && (await canEnterTenant(token.sub, requested))) {
        token.tenantId = requested;
        await recordTenantEntry(token.sub, requested);
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, tenantId: token.tenantId };
    },
  },
};
