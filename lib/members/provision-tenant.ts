import { randomUUID } from "node:crypto";
import { z } from "zod";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/passwords";
import { createUser } from "@/lib/auth/users";
import { randomPassword } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/db/generated/client";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { emailAddress } from "@/lib/facts/schema";
import type { Role } from "@/lib/tenancy/roles";

const provisionTenantSchema = z.object({
  name: z.string().trim().min(2, "Tenant name needs at least 2 characters").max(120, "Tenant name is too long"),
  adminEmail: emailAddress("Admin email is not a valid email address").optional(),
  adminName: z.string().trim().min(1).max(120).optional(),
});
export type ProvisionTenantInput = z.input<typeof provisionTenantSchema>;

export interface ProvisionedTenant {
  tenantId: string;
  slug: string;
  name: string;
  admin: { email: string; password: string };
  apiToken: string;
}

function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "tenant";
}

/**
 * Creates a tenant with its first admin and an API token, all in one transaction.
 * Slugs are unique across tenants; RLS hides other tenants, so a clash surfaces as a unique
 * violation and the next attempt takes a suffixed slug.
 */
export async function provisionTenant(raw: ProvisionTenantInput): Promise<ProvisionedTenant> {
  const input = provisionTenantSchema.parse(raw);
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      return await createTenantWithAdmin({ ...input, slug });
    } catch (error) {
      if (isUniqueViolation(error, "slug")) continue;
      if (isUniqueViolation(error, "email")) {
        throw new AppError("conflict", `A user with email ${input.adminEmail ?? ""} already exists`, {
          fields: [{ path: "adminEmail", message: "This email already has an account" }],
        });
      }
      throw error;
    }
  }
  throw new AppError("conflict", `Could not find a free slug for "${input.name}"`);
}

async function createTenantWithAdmin(input: z.output<typeof provisionTenantSchema> & { slug: string }) {
  const email = input.adminEmail ?? `admin@${input.slug}.example`;
  const password = randomPassword();
  const created = await createTenantWithMembers({
    name: input.name,
    slug: input.slug,
    members: [{ email, name: input.adminName ?? `${input.name} admin`, role: "admin", password }],
    apiTokenName: "Provisioning token",
  });
  return { tenantId: created.tenantId, slug: input.slug, name: input.name, admin: { email, password }, apiToken: created.apiToken! };
}

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * Tenant, its members and optionally an API token, in one transaction: all of it or none. The
 * token has the admin role (SPEC §5), so the integration owner can mint narrower ones.
 */
export async function createTenantWithMembers(input: {
  name: string;
  slug: string;
  members: NewMember[];
  apiTokenName?: string;
}): Promise<{ tenantId: string; userIds: string[]; apiToken: string | null }> {
  const tenantId = randomUUID();
  const hashes = await Promise.all(input.members.map((member) => hashPassword(member.password)));
  return withTenant(tenantId, async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, name: input.name, slug: input.slug } });
    const userIds: string[] = [];
    for (const [index, member] of input.members.entries()) {
      const email = emailAddress(`Member email "${member.email}" is not a valid email address`).parse(member.email);
      const userId = await createUser(tx, { email, name: member.name, passwordHash: hashes[index]! });
      await tx.membership.create({ data: { tenantId, userId, role: member.role } });
      userIds.push(userId);
    }
    const token = input.apiTokenName
      ? await issueApiToken(tx, tenantId, { name: input.apiTokenName, role: "admin", createdById: userIds[0] ?? null })
      : null;
    return { tenantId, userIds, apiToken: token?.token ?? null };
  });
}

function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const target = JSON.stringify(error.meta ?? {});
  return target.includes(field);
}
