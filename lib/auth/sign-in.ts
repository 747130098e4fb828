import { z } from "zod";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/auth/passwords";
import { activeMemberships } from "@/lib/auth/staff-session";
import { loginThrottle } from "@/lib/auth/login-throttle";
import { recordTenantEntry } from "@/lib/auth/tenant-switch";
import { appPrisma } from "@/lib/db/client";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password").max(1024, "Password is too long"),
});

export type SignInResult =
  | { ok: true; userId: string; tenantId: string; name: string; email: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * Checks credentials with throttling per account and per IP. Every failure looks the same to the
 * caller ("invalid") so the form cannot be used to discover which emails have accounts.
 */
export async function signInWithPassword(raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const throttle = await loginThrottle();
  const blocked = await throttle.isBlocked(email, ip);
  if (blocked) return { ok: false, reason: "throttled", retryAfterSeconds: blocked };

  // User is a global table (no tenant data), readable before a tenant is chosen.
  const user = await appPrisma().user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid || user.disabledAt) {
    await throttle.recordFailure(email, ip);
    return { ok: false, reason: "invalid" };
  }
  const memberships = await activeMemberships(user.id);
  const first = memberships[0];
  if (!first) {
    await throttle.recordFailure(email, ip);
    return { ok: false, reason: "invalid" };
  }
  await throttle.reset(email, ip);
  await recordTenantEntry(user.id, first.tenantId);
  return { ok: true, userId: user.id, tenantId: first.tenantId, name: user.name, email: user.email };
}
