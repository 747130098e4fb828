import { z } from "zod";
import { beginPasswordAttempt } from "@/lib/auth/password-attempts";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { newPasswordPairSchema } from "@/lib/auth/password-rules";
import { hashSecret } from "@/lib/auth/secrets";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/tenancy/roles";
import { AppError, notFound } from "@/lib/errors/app-error";
import { fieldIssuesFromZod, parseInput, validationError } from "@/lib/errors/validation";
import { Prisma } from "@/lib/db/generated/client";
import { memberNameSchema } from "@/lib/members/member-schemas";
import { lockTenantMembers } from "@/lib/members/members-lock";
import { withLookup, withTenant } from "@/lib/tenancy/with-tenant";

// The invitee's side of an invitation (/invitations/{token}). The link is the credential: a
// 256-bit secret whose SHA-256 finds the invitation before any tenant is known (withLookup).
// A new person sets their name and password; a person who already has an account (they work for
// another tenant too) confirms the password they have — an invitation never sets the password of
// an existing account, or one tenant's admin could take over a person's access to another tenant.

type InvitationState = "pending" | "expired" | "used";

export interface InvitationForInvitee {
  tenantName: string;
  name: string;
  email: string;
  role: Role;
  invitedBy: string;
  expiresAt: string;
  state: InvitationState;
  /** The email already has an account: the invitee confirms its password instead of choosing one. */
  hasAccount: boolean;
}

async function findByToken(token: string) {
  if (!token.startsWith("inv_") || token.length > 200) return null;
  const tokenHash = hashSecret(token);
  return withLookup("invitation_hash", tokenHash, (tx) => tx.invitation.findUnique({ where: { tokenHash } }));
}

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (row.acceptedAt || row.revokedAt) return "used";
  return row.expiresAt > now ? "pending" : "expired";
}

/** What the invitee's page shows; null for a link that never existed (404). */
export async function describeInvitation(token: string, now = new Date()): Promise<InvitationForInvitee | null> {
  const row = await findByToken(token);
  if (!row) return null;
  return withTenant(row.tenantId, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: row.tenantId }, select: { name: true } });
    // User is a global table: whether the email has an account at all, nothing about its tenants.
    const account = await findUserByEmail(tx, row.email);
    return {
      tenantName: tenant?.name ?? "",
      name: row.name,
      email: row.email,
      role: row.role,
      invitedBy: row.invitedBy,
      expiresAt: row.expiresAt.toISOString(),
      state: stateOf(row, now),
      hasAccount: Boolean(account),
    };
  });
}

const newAccountSchema = z.object({ name: memberNameSchema });
const existingAccountSchema = z.object({ password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024, "Password is too long") });

/**
 * Accepts an invitation: creates the account (new email) or checks the existing account's
 * password, adds the membership with the invited role, and marks the invitation used — all in
 * one transaction, under the tenant's member lock so a link can't be used twice.
 */
export async function acceptInvitation(
  token: string,
  raw: unknown,
  options: { now?: Date; ip?: string } = {},
): Promise<{ email: string; tenantName: string }> {
  const now = options.now ?? new Date();
  const found = await findByToken(token);
  if (!found) throw notFound("Invitation");
  const { tenantId } = found;

  return withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const invitation = await tx.invitation.findUnique({ where: { tenantId_id: { tenantId, id: found.id } } });
    const state = invitation ? stateOf(invitation, now) : "used";
    if (!invitation || state !== "pending") {
      throw new AppError("conflict", state === "expired" ? "This invitation has expired. Ask your admin for a new one." : "This invitation was already used or withdrawn.");
    }
    const { email } = invitation;
    const existing = await findUserByEmail(tx, email);
    let userId: string;
    let name: string;
    if (existing) {
      const { password } = parseInput(existingAccountSchema, raw);
      const attempt = await beginPasswordAttempt(email, options.ip ?? "unknown");
      if (!attempt.allowed) throw new AppError("rate_limited", "Too many wrong passwords. Try again later.");
      if (existing.disabledAt || !(await verifyPassword(existing.passwordHash, password))) {
        throw validationError([{ path: "password", message: "That is not the password of your account" }]);
      }
      await attempt.succeeded();
      const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId: existing.id } } });
      if (membership) throw new AppError("conflict", "You are already a member of this tenant.");
      userId = existing.id;
      name = existing.name;
    } else {
      const account = newAccountSchema.safeParse(raw);
      const pair = newPasswordPairSchema(email).safeParse(raw);
      if (!account.success || !pair.success) {
        throw validationError([account, pair].flatMap((result) => (result.success ? [] : fieldIssuesFromZod(result.error))));
      }
      userId = await createUser(tx, { email, name: account.data.name, passwordHash: await hashPassword(pair.data.password), createdAt: now })
        .catch((error: unknown) => {
          // Accepted at the same moment through another tenant's invitation: that account now exists.
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
            throw new AppError("conflict", "An account with this email was just created. Reload the page and sign in with its password.");
          }
          throw error;
        });
      name = account.data.name;
    }
    await tx.membership.create({ data: { tenantId, userId, role: invitation.role, createdAt: now } });
    await tx.invitation.update({ where: { tenantId_id: { tenantId, id: invitation.id } }, data: { acceptedAt: now, acceptedById: userId } });
    await recordAudit(tx, { tenantId, actor: { kind: "user", userId, role: invitation.role, label: name } }, now, {
      action: "invitation.accepted",
      target: { type: "member", id: userId, label: `${name} <${email}>` },
      before: null,
      after: { name, email, role: invitation.role, active: true },
    });
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
    return { email, tenantName: tenant?.name ?? "" };
  });
}
