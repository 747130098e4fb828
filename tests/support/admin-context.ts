import type { Role } from "@/lib/tenancy/roles";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { userIdByEmail } from "@/tests/support/admin-db";

/** A service-level caller acting as a signed-in person (as the pages' server actions do). */
export async function personContext(tenantId: string, email: string, role: Role, label = email): Promise<TenantContext & { actor: StaffActor }> {
  return { tenantId, actor: { kind: "user", userId: await userIdByEmail(email), role, label } };
}

/** The secret of an invitation link ("/invitations/<token>" or an absolute URL). */
export function invitationToken(url: string): string {
  return url.split("/").pop()!;
}
