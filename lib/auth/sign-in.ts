import { z } from "zod";
import { verifyAgainstDecoy, verifyPassword } from "@/lib/auth/passwords";
import { activeMemberships } from "@/lib/auth/staff-session";
import { beginPasswordAttempt } from "@/lib/auth/password-attempts";
import { recordTenantEntry } from "@/lib/auth/tenant-switch";
import { findUserForSignIn } from "@/lib/auth/users";
import { emailAddress } from "@/lib/facts/schema";

const signInSchema = z.object({
  email: emailAddress("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024, "Password is too long"),
});

export type SignInResult =
  | { ok: true; userId: string; tenantId: string; name: string; email: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * Checks credentials with throttling per account and per client address. Every attempt takes its
 * point from both budgets *before* the password is checked, so a parallel burst gets no more
 * guesses than a sequential one; a successful sign-in gives them back. Every failure looks the same
 * to the caller ("invalid"), so the form cannot be used to discover which emails have accounts.
 */
export async function signInWithPassword(raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const attempt = await beginPasswordAttempt(email, ip);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await findUserForSignIn(email);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: "invalid" };
  const first = (await activeMemberships(user.id))[0];
  if (!first) return { ok: false, reason: "invalid" };
  await attempt.succeeded();
  await recordTenantEntry(user.id, first.tenantId);
  return { ok: true, userId: user.id, tenantId: first.tenantId, name: user.name, email: user.email };
}
