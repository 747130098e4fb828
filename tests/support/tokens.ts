import { issueApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/tenancy/roles";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** An API token of the given role in a tenant, for tests that check what each role may do. */
export async function issueTestToken(tenantId: string, role: Role, options: { expiresAt?: Date; name?: string } = {}): Promise<string> {
  const issued = await withTenant(tenantId, (tx) =>
    issueApiToken(tx, tenantId, { name: options.name ?? `Test ${role} token`, role, createdById: null, expiresAt: options.expiresAt ?? null }),
  );
  return issued.token;
}
