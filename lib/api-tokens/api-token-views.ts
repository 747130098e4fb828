import type { Role } from "@/lib/auth/permissions";

// API tokens as GET /api/v1/api-tokens answers them and /admin/api-tokens lists them. Never the
// secret or its hash: the prefix is enough to recognise a token.

export interface ApiTokenView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
}

export const apiTokenSelect = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { user: { select: { name: true } } } },
  createdByToken: { select: { name: true } },
} as const;

type ApiTokenRow = {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdBy: { user: { name: string } } | null;
  createdByToken: { name: string } | null;
};

export function apiTokenView(row: ApiTokenRow, now: Date): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.createdBy?.user.name ?? (row.createdByToken ? `API token “${row.createdByToken.name}”` : null),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active",
  };
}
