import pg from "pg";
import { adminDatabaseUrl } from "./integration-env";

// The superuser's view of the database, for assertions the app role could not make (it sees one tenant).

let pool: pg.Pool | null = null;

export function adminPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: adminDatabaseUrl, max: 3 });
  return pool;
}

export async function closeAdminPool(): Promise<void> {
  await pool?.end();
  pool = null;
}

const COUNTED = [
  "Case", "Customer", "Device", "StatusObservation", "TriedStep", "CaseEvent", "CustomerLink", "IdempotencyKey", "Attachment", "CaseSearchToken",
  "SavedView", "EscalationPacket", "EscalationPacketScreenshot", "CaseStatusChange", "RuleOutcomeCount", "CaseStateCount", "WeekStatusStats",
  "User", "Membership", "Invitation", "ApiToken", "TenantRuleSettings", "AuditEntry",
] as const;

/** With a tenant given, people (a global table) count as the tenant's members. */
const scopedCount = (table: string, tenantId: string | undefined) => {
  if (!tenantId) return `(SELECT count(*)::int FROM "${table}")`;
  if (table === "User") return `(SELECT count(*)::int FROM "User" u WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."tenantId" = $1))`;
  return `(SELECT count(*)::int FROM "${table}" WHERE "tenantId" = $1)`;
};

/**
 * Row counts of every table requests write, all tenants together (or one tenant's, for tests that
 * run side by side): a failed request must leave them unchanged.
 */
export async function rowCounts(tenantId?: string): Promise<Record<(typeof COUNTED)[number], number>> {
  const selects = COUNTED.map((table) => `${scopedCount(table, tenantId)} AS "${table}"`).join(", ");
  const { rows } = await adminPool().query(`SELECT ${selects}`, tenantId ? [tenantId] : []);
  return rows[0];
}

export async function userIdByEmail(email: string): Promise<string> {
  const { rows } = await adminPool().query(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`No user ${email}`);
  return rows[0].id as string;
}
