import { z } from "zod";
import { roleSchema, type Role } from "@/lib/tenancy/roles";

// Members and invitations as GET /api/v1/members answers them and /admin/members shows them; the
// schemas are the API's documented answer (lib/api/member-operations.ts after issue 13).

export const memberViewSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    active: z.boolean().meta({ description: "False once deactivated: the member's next request is refused" }),
    joinedAt: z.iso.datetime({ offset: true }),
    deactivatedAt: z.iso.datetime({ offset: true }).nullable(),
    lastSignInAt: z.iso.datetime({ offset: true }).nullable().meta({ description: "Last sign-in to this tenant" }),
  })
  .meta({ id: "Member" });
export type MemberView = z.infer<typeof memberViewSchema>;

export const invitationViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    invitedBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    status: z.enum(["pending", "expired"]),
  })
  .meta({ id: "Invitation" });
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

export function memberView(row: {
  userId: string;
  role: Role;
  createdAt: Date;
  deactivatedAt: Date | null;
  lastSignInAt: Date | null;
  user: { name: string; email: string; disabledAt: Date | null };
}): MemberView {
  return {
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    active: !row.deactivatedAt && !row.user.disabledAt,
    joinedAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

export const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  deactivatedAt: true,
  lastSignInAt: true,
  user: { select: { name: true, email: true, disabledAt: true } },
} as const;

export function invitationView(
  row: { id: string; name: string; email: string; role: Role; invitedBy: string; createdAt: Date; expiresAt: Date },
  now: Date,
): InvitationView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: row.expiresAt > now ? "pending" : "expired",
  };
}
