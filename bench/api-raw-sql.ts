import type pg from "pg";
import { prefixUpperBound, searchWordsOf } from "@/lib/cases/search-tokens";

// The raw-SQL twins of what bench/api.ts measures through the services: the same rows read and
// written, by hand-written statements over pg, in one transaction that sets the tenant as withTenant
// does (the application role sees a tenant only that way). No ORM, no view shaping, no rule engine:
// the floor the services are compared with.

export type RawListOptions = { filtered: boolean; q?: string; after?: { value: string; id: string }; before?: { value: string; id: string } };

const LIST_COLUMNS = `c.id, c.number, c.status, c.platforms, c."problemSince", c."escalationReadyAt", c.version, c."createdAt", c."updatedAt",
  cu.name AS "customerName", cu.email AS "customerEmail", m."userId" AS "assigneeId", u.name AS "assigneeName",
  (SELECT json_agg(json_build_object('platform', d.platform, 'model', d.model) ORDER BY d.position)
     FROM "Device" d WHERE d."tenantId" = c."tenantId" AND d."caseId" = c.id) AS devices`;

/** The list query as list-cases builds it: filters, word-prefix search, keyset after a cursor, 25 + 1 rows. */
export function rawList(client: pg.ClientBase, tenantId: string, options: RawListOptions, explain = false) {
  const params: unknown[] = [tenantId];
  const where = [`c."tenantId" = $1`];
  if (options.filtered) where.push(`c.status IN ('open', 'waiting_on_customer')`, `c.platforms && ARRAY['mac']::"Platform"[]`);
  for (const word of options.q ? searchWordsOf(options.q) : []) {
    params.push(word, prefixUpperBound(word));
    where.push(`EXISTS (SELECT 1 FROM "CaseSearchToken" t WHERE t."tenantId" = c."tenantId" AND t."caseId" = c.id
      AND t.token >= $${params.length - 1} AND t.token < $${params.length})`);
  }
  if (options.after) {
    params.push(options.after.value, options.after.id);
    const [value, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    where.push(`c."updatedAt" <= ${value}`, `(c."updatedAt" < ${value} OR (c."updatedAt" = ${value} AND c.id < ${id}))`);
  }
  // The page before a row: walk the index the other way from it (the service then reverses the rows).
  if (options.before) {
    params.push(options.before.value, options.before.id);
    const [value, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    where.push(`c."updatedAt" >= ${value}`, `(c."updatedAt" > ${value} OR (c."updatedAt" = ${value} AND c.id > ${id}))`);
  }
  const order = options.before ? "ASC" : "DESC";
  return client.query(
    `${explain ? "EXPLAIN (FORMAT JSON) " : ""}SELECT ${LIST_COLUMNS}
     FROM "Case" c
     JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
     LEFT JOIN "Membership" m ON m."tenantId" = c."tenantId" AND m."userId" = c."assigneeId"
     LEFT JOIN "User" u ON u.id = m."userId"
     WHERE ${where.join(" AND ")}
     ORDER BY c."updatedAt" ${order}, c.id ${order} LIMIT 26`,
    params,
  );
}

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** The plan's top node, every index it uses and every table it scans whole: enough to see a list never scans the table. */
export async function describeListPlan(client: pg.ClientBase, tenantId: string, options: RawListOptions): Promise<string> {
  const { rows } = await rawList(client, tenantId, options, true);
  const plan = rows[0]["QUERY PLAN"][0].Plan as PlanNode;
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (node: PlanNode) => {
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.add(node["Relation Name"]);
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return `indexes ${[...indexes].join(", ") || "none"}; seq scans: ${[...seqScans].join(", ") || "none"}`;
}

const GET_CASE_SQL = [
  `SELECT c.*, cu.name, cu.email, u.name AS "assigneeName" FROM "Case" c
     JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
     LEFT JOIN "User" u ON u.id = c."assigneeId"
   WHERE c."tenantId" = $1 AND c.id = $2`,
  `SELECT * FROM "Device" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY position`,
  `SELECT * FROM "StatusObservation" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "observedAt", id`,
  `SELECT * FROM "TriedStep" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "triedAt", "createdAt"`,
  `SELECT * FROM "CaseEvent" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "createdAt", id`,
];
const SETTINGS_SQL = `SELECT * FROM "TenantRuleSettings" WHERE "tenantId" = $1`;

/** Everything the case page shows: the case with customer and assignee, its lists, the timeline, the tenant's settings. */
export async function rawGetCase(client: pg.ClientBase, tenantId: string, caseId: string) {
  for (const sql of GET_CASE_SQL) await client.query(sql, [tenantId, caseId]);
  await client.query(SETTINGS_SQL, [tenantId]);
}

/** A step: lock the case, insert the step, read what readiness needs, update the derived columns, add the event, read the timeline. */
export async function rawRecordStep(client: pg.ClientBase, tenantId: string, caseId: string, now: Date) {
  await client.query(`SELECT id FROM "Case" WHERE "tenantId" = $1 AND id = $2 FOR UPDATE`, [tenantId, caseId]);
  const step = await client.query(
    `INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, "triedAt", "actorKind", "createdAt")
     VALUES ($1, uuidv7(), $2, 'restart-device', 'no_change', $3, 'api_token', $3) RETURNING id`,
    [tenantId, caseId, now],
  );
  for (const sql of GET_CASE_SQL.slice(0, 4)) await client.query(sql, [tenantId, caseId]);
  await client.query(SETTINGS_SQL, [tenantId]);
  await client.query(`UPDATE "Case" SET "escalationReadyAt" = NULL, "updatedAt" = $3 WHERE "tenantId" = $1 AND id = $2`, [tenantId, caseId, now]);
  await client.query(
    `INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
     VALUES ($1, uuidv7(), $2, 'step.recorded', 'api_token', 'Bench', jsonb_build_object('stepId', $3::uuid, 'ruleId', 'restart-device', 'outcome', 'no_change'), $4)`,
    [tenantId, caseId, step.rows[0].id, now],
  );
  await client.query(GET_CASE_SQL[4]!, [tenantId, caseId]);
}

/** A case from intake: number, customer, case, devices, status message, search tokens, first event. */
export async function rawCreateCase(client: pg.ClientBase, tenantId: string, input: { name: string; email: string; tokens: string[] }, now: Date) {
  const { rows } = await client.query(`UPDATE "Tenant" SET "caseSeq" = "caseSeq" + 1 WHERE id = $1 RETURNING "caseSeq"`, [tenantId]);
  const number = rows[0].caseSeq as number;
  await client.query(SETTINGS_SQL, [tenantId]);
  const existing = await client.query(`SELECT id FROM "Customer" WHERE "tenantId" = $1 AND email = $2 LIMIT 1`, [tenantId, input.email]);
  const customerId =
    existing.rows[0]?.id ??
    (await client.query(`INSERT INTO "Customer" ("tenantId", id, name, email) VALUES ($1, uuidv7(), $2, $3) RETURNING id`, [tenantId, input.name, input.email]))
      .rows[0].id;
  const created = await client.query(
    `INSERT INTO "Case" ("tenantId", id, number, "customerId", "problemSince", "appleSystemStatus", platforms, symptoms, "createdAt", "updatedAt")
     VALUES ($1, uuidv7(), $2, $3, $4, 'unknown', ARRAY['iphone','mac']::"Platform"[], ARRAY['stuck_waiting_to_upload']::"Symptom"[], $4, $4) RETURNING id`,
    [tenantId, number, customerId, now],
  );
  const caseId = created.rows[0].id as string;
  await client.query(
    `INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion")
     VALUES ($1, uuidv7(), $2, 'iphone-1', 0, 'iphone', 'iPhone 15 Pro', '17.5'), ($1, uuidv7(), $2, 'mac-1', 1, 'mac', 'MacBook Air', '14.5')`,
    [tenantId, caseId],
  );
  await client.query(
    `INSERT INTO "StatusObservation" ("tenantId", id, "caseId", "deviceKey", message, text, "observedAt")
     VALUES ($1, uuidv7(), $2, 'iphone-1', 'waiting_to_upload', 'Waiting to Upload 212 Items', $3)`,
    [tenantId, caseId, now],
  );
  await client.query(`INSERT INTO "CaseSearchToken" ("tenantId", token, "caseId") SELECT $1, unnest($3::text[]), $2`, [tenantId, caseId, input.tokens]);
  await client.query(
    `INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
     VALUES ($1, uuidv7(), $2, 'case.created', 'api_token', 'Bench', jsonb_build_object('number', $3::int, 'status', 'open'), $4)`,
    [tenantId, caseId, number, now],
  );
}

/** Bulk status change: lock the cases, flip their status and version, one event each. */
export async function rawBulkStatus(client: pg.ClientBase, tenantId: string, ids: string[], to: string, now: Date) {
  const locked = await client.query(`SELECT id, status FROM "Case" WHERE "tenantId" = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [tenantId, ids]);
  await client.query(
    `UPDATE "Case" SET status = $3::"CaseStatus", "resolvedAt" = NULL, version = version + 1, "updatedAt" = $4
     WHERE "tenantId" = $1 AND id = ANY($2::uuid[])`,
    [tenantId, ids, to, now],
  );
  await client.query(
    `INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
     SELECT $1, uuidv7(), c.id, 'status.changed', 'api_token', 'Bench', jsonb_build_object('from', c.status, 'to', $4::text, 'bulk', true), $3
     FROM unnest($2::uuid[], $5::text[]) AS c(id, status)`,
    [tenantId, locked.rows.map((row) => row.id), now, to, locked.rows.map((row) => row.status)],
  );
}

/** One transaction with the tenant set, as withTenant does it. */
export async function inTenant<T>(pool: pg.Pool, tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
