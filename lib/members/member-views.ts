import type { Role } from "@/lib/auth/permissions";

// Members and invitations as GET /api/v1/members answers them and /admin/members shows them.

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  joinedAt: string;
  deactivatedAt: string | null;
  lastSignInAt: string | null;
}

export interface InvitationView {
  id: string;
  name: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "expired";
}

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
