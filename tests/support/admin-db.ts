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

/** Row counts of every table requests write, all tenants together: a failed request must leave them unchanged. */
export async function rowCounts(): Promise<Record<(typeof COUNTED)[number], number>> {
  const selects = COUNTED.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(", ");
  const { rows } = await adminPool().query(`SELECT ${selects}`);
  return rows[0];
}

export async function userIdByEmail(email: string): Promise<string> {
  const { rows } = await adminPool().query(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`No user ${email}`);
  return rows[0].id as string;
}
