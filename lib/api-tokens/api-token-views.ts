import { z } from "zod";
import { roleSchema, type Role } from "@/lib/tenancy/roles";

// API tokens as GET /api/v1/api-tokens answers them and /admin/api-tokens lists them. Never the
// secret or its hash: the prefix is enough to recognise a token.

export const apiTokenViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().meta({ description: "The secret's first characters, to recognise it" }),
    createdBy: z.string().nullable().meta({ description: "The person (or the API token) that created it" }),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenViewSchema).meta({ description: "Newest first" }) });

export const createdApiTokenSchema = z.object({
  token: apiTokenViewSchema,
  secret: z.string().meta({ description: "The bearer token: shown only now (the database keeps its hash)" }),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

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
