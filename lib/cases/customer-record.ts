import type { CaseFacts } from "@/lib/facts/schema";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * The Customer row for a case's customer facts: the tenant's existing customer with the same email
 * (its name updated to the latest spelling), or a new row when there is no email to match on.
 */
export async function resolveCustomerId(tx: TenantTx, tenantId: string, customer: CaseFacts["customer"]): Promise<string> {
  const email = customer.email;
  if (email !== null) {
    const existing = await tx.customer.findFirst({ where: { tenantId, email }, select: { id: true, name: true } });
    if (existing) {
      if (existing.name !== customer.name) {
        await tx.customer.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data: { name: customer.name } });
      }
      return existing.id;
    }
  }
  const created = await tx.customer.create({ data: { tenantId, name: customer.name, email }, select: { id: true } });
  return created.id;
}
