import { z } from "zod";
import { beginPasswordAttempt } from "@/lib/auth/password-attempts";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { newPasswordPairSchema } from "@/lib/auth/password-rules";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { fieldIssuesFromZod, validationError } from "@/lib/errors/validation";
import type { StaffContext } from "@/lib/auth/staff-session";
import { withTenant } from "@/lib/tenancy/with-tenant";

const currentPasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024, "Password is too long"),
});

/**
 * A signed-in person changes their own password: the current one must be right (failures count
 * towards the sign-in throttle, so a borrowed session can't guess it), the new one follows the
 * length rules. Input: { currentPassword, password, confirmPassword }. Logged in the tenant they are signed in to (no password or hash is logged).
 */
export async function changeOwnPassword(staff: StaffContext, raw: unknown, options: { now?: Date; ip?: string } = {}): Promise<void> {
  const current = currentPasswordSchema.safeParse(raw);
  const pair = newPasswordPairSchema(staff.user.email).safeParse(raw);
  if (!current.success || !pair.success) {
    throw validationError([current, pair].flatMap((result) => (result.success ? [] : fieldIssuesFromZod(result.error))));
  }
  const now = options.now ?? new Date();
  const ip = options.ip ?? "unknown";
  const { email } = staff.user;
  const attempt = await beginPasswordAttempt(email, ip);
  if (!attempt.allowed) throw new AppError("rate_limited", "Too many wrong passwords. Try again later.");

  await withTenant(staff.tenantId, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: staff.user.id } });
    if (!user || !(await verifyPassword(user.passwordHash, current.data.currentPassword))) {
      throw validationError([{ path: "currentPassword", message: "That is not your current password" }]);
    }
    await attempt.succeeded();
    if (await verifyPassword(user.passwordHash, pair.data.password)) {
      throw validationError([{ path: "password", message: "Choose a password different from the current one" }]);
    }
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(pair.data.password) } });
    await recordAudit(tx, staff, now, {
      action: "member.password_changed",
      target: { type: "member", id: user.id, label: `${user.name} <${user.email}>` },
      before: null,
      after: null,
    });
  });
}
