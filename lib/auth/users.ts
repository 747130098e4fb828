import { randomUUID } from "node:crypto";
import { withLookup, type TenantTx } from "@/lib/tenancy/with-tenant";

// The one door to the "User" table, which holds every tenant's people. Row-level security lets the
// app see a user only through these doors: sign-in by email, the signed-in user by id, members of
// the tenant of the current unit of work (docs/decisions/0052-database-defence-in-depth.md).

/** The account an email signs in to, or null. */
export async function findUserForSignIn(email: string) {
  return withLookup("user_email", email, (tx) =>
    tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true } }),
  );
}

/**
 * Creates a person inside a tenant's unit of work (provisioning, invitations) and returns the id.
 * No RETURNING: until the caller adds the membership, the new row is not visible to the app role.
 */
export async function createUser(tx: TenantTx, input: { email: string; name: string; passwordHash: string; createdAt?: Date }): Promise<string> {
  const id = randomUUID();
  await tx.user.createMany({ data: [{ id, ...input }] });
  return id;
}

/**
 * The account of an email inside a tenant's unit of work (an invitation names an email that may
 * belong to someone who works for another tenant): the lookup is set for this transaction only.
 */
export async function findUserByEmail(tx: TenantTx, email: string) {
  await tx.$queryRaw`SELECT set_config('app.lookup_user_email', ${email}, true)`;
  return tx.user.findUnique({ where: { email }, select: { id: true, name: true, passwordHash: true, disabledAt: true } });
}
