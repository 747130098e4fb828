import type pg from "pg";

// The generator behind the metrics benchmark's data, shared by its two ways of loading it (the fast
// load in seed-metrics.ts and the reference through the triggers in seed-metrics-triggers.ts):
// every value is a function of (tenant, case number g), so both ways write the same rows.
//
// Per case: a customer, 1–3 devices, g % 4 tried steps with outcomes, and a status history (its moves,
// below). Cases are created in number order over the two years before `now` (as a desk numbers them),
// so tables fill in time order as they do in production. fate = g % 20: 0–11 resolved, 12–13 escalated,
// 14 escalated then resolved, 15 returned then resolved, 16–17 open, 18 waiting on the customer,
// 19 in escalation review. A move not yet due at `now` has not happened: a case created an hour ago
// is still open whatever its fate.
//
// Ids are deterministic (the tenant's md5 prefix, a table number, the case number) and ascend with g,
// so primary keys fill in order and both ways give every row the same id.

const SPAN_SECONDS = 730 * 86_400;
export const RULES = ["check-apple-system-status", "test-fresh-shot", "keep-photos-open-plugged-in", "disable-low-power-mode", "free-icloud-storage",
  "stable-wifi", "restart-device", "update-os", "toggle-icloud-photos", "mac-keep-photos-open"];

export interface MetricsSeedTenant {
  tenantId: string;
  cases: number;
}

const id = (table: number, counter: string) => `(id_prefix || '-000${table}-7000-8000-' || lpad(to_hex(${counter}), 12, '0'))::uuid`;

/** Creates the session's generator: metrics_seed_tenant (whose low/high bound the cases generated) and the views over it. */
export async function createSeedSource(client: pg.Client, tenants: MetricsSeedTenant[], now: Date): Promise<void> {
  await client.query(`CREATE TEMP TABLE metrics_seed_tenant AS
    SELECT tenant_id, left(md5(tenant_id::text), 8) AS id_prefix, cases, 1::bigint AS low, cases AS high, $3::timestamptz AS now
    FROM unnest($1::uuid[], $2::bigint[]) AS t(tenant_id, cases)`, [tenants.map((t) => t.tenantId), tenants.map((t) => t.cases), now]);
  await client.query(`CREATE TEMP VIEW metrics_seed_case AS
    SELECT t.tenant_id, t.id_prefix, t.now, g, g % 20 AS fate, ${id(2, "g")} AS case_id, ${id(1, "g")} AS customer_id,
           t.now - make_interval(secs => ((t.cases - g) * ${SPAN_SECONDS} / t.cases + (g * 7919 + 17) % 600)::int) AS created_at,
           string_to_array((ARRAY['iphone', 'iphone,mac', 'iphone,windows', 'ipad', 'iphone,ipad,mac'])[1 + g % 5], ',') AS platforms
    FROM (SELECT tenant_id, id_prefix, cases, now, generate_series(low, high) AS g FROM metrics_seed_tenant) t`);
  // The status moves each case has made by now, in order (their moments ascend with seq for every fate).
  await client.query(`CREATE TEMP VIEW metrics_seed_move AS
    SELECT s.tenant_id, s.id_prefix, s.case_id, s.g, s.platforms, s.created_at, m.seq, m.to_status::"CaseStatus" AS to_status,
           s.created_at + make_interval(hours => m.hours) AS at
    FROM metrics_seed_case s
    CROSS JOIN LATERAL (VALUES
      (1, 'resolved', s.fate <= 11, (1 + (s.g * 37) % 300)::int),
      (2, 'waiting_on_customer', s.fate = 18, 2),
      (3, 'escalation_review', s.fate IN (12, 13, 14, 15, 19), (24 + s.g % 48)::int),
      (4, 'open', s.fate = 15, 80),
      (5, 'escalated', s.fate IN (12, 13, 14), (96 + s.g % 72)::int),
      (6, 'resolved', s.fate IN (14, 15), (240 + s.g % 100)::int)) AS m(seq, to_status, applies, hours)
    WHERE m.applies AND s.created_at + make_interval(hours => m.hours) < s.now`);
}

export const INSERT_CUSTOMERS = `INSERT INTO "Customer" ("tenantId", id, name, email, "createdAt")
  SELECT tenant_id, customer_id, 'Customer ' || g, 'customer' || g || '@example.com', created_at FROM metrics_seed_case`;

/**
 * The cases' columns; `final` is the state after the moves (status, updatedAt, resolvedAt, appleCaseNumber
 * from the relation `f`), else every case as created: open.
 */
export function insertCases(final: boolean): string {
  return `INSERT INTO "Case" ("tenantId", id, number, "customerId", status, version, "problemSince", "appleSystemStatus",
      platforms, "escalationReadyAt", "escalationBlockers", "appleCaseNumber", "createdAt", "updatedAt", "resolvedAt")
    SELECT s.tenant_id, s.case_id, s.g, s.customer_id, ${final ? "COALESCE(f.status, 'open')" : "'open'"}, 1,
      s.created_at - make_interval(hours => (s.g % 200)::int), 'ok', s.platforms::"Platform"[],
      CASE WHEN s.g % 7 = 0 THEN s.created_at + interval '1 day' END,
      CASE WHEN s.fate BETWEEN 12 AND 19 THEN string_to_array((ARRAY['device_os_version_missing,step_not_tried:restart-device',
        'library_size_missing', 'step_not_tried:toggle-icloud-photos,status_message_missing', 'step_not_tried:restart-device'])[1 + s.g % 4], ',')
      ELSE '{}' END,
      ${final ? "CASE WHEN f.escalated THEN '10' || s.g END" : "NULL"},
      s.created_at, ${final ? "COALESCE(f.updated_at, s.created_at)" : "s.created_at"}, ${final ? "f.resolved_at" : "NULL"}
    FROM metrics_seed_case s
    ${final ? `LEFT JOIN (
      SELECT tenant_id, case_id, (array_agg(to_status ORDER BY seq DESC))[1] AS status, max(at) AS updated_at,
             max(at) FILTER (WHERE to_status = 'resolved') AS resolved_at, bool_or(to_status = 'escalated') AS escalated
      FROM metrics_seed_move GROUP BY 1, 2) f ON f.tenant_id = s.tenant_id AND f.case_id = s.case_id` : ""}`;
}

export const INSERT_DEVICES = `INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion", "icloudForWindowsVersion")
  SELECT tenant_id, ${id(3, "g * 4 + pos")}, case_id, platform || '-' || pos, pos - 1, platform::"Platform", initcap(platform),
    CASE WHEN g % 13 = 0 THEN NULL WHEN platform IN ('iphone', 'ipad') THEN (ARRAY['18', '17', '18', '16'])[1 + g % 4] || '.' || (g % 6)
         WHEN platform = 'mac' THEN (ARRAY['15', '14', '13'])[1 + g % 3] || '.' || (g % 5) ELSE '11' END,
    CASE WHEN platform = 'windows' THEN (ARRAY['15.3.1.2', '14.2.0.9'])[1 + g % 2] END
  FROM (SELECT metrics_seed_case.*, unnest(platforms) AS platform, generate_subscripts(platforms, 1)::bigint AS pos FROM metrics_seed_case) d`;

/**
 * The tried steps ($1: the rule ids). With `attribution`, the attributedTo the BEFORE INSERT trigger
 * (tried_step_attribute) would stamp, from the same Device rows and the same expression; without, the
 * trigger stamps it.
 */
export function insertSteps(attribution: boolean): string {
  return `INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, "triedAt", "actorKind", "createdAt"${attribution ? `, "attributedTo"` : ""})
    SELECT s.tenant_id, ${id(4, "s.g * 4 + s.n")}, s.case_id, ($1::text[])[1 + (s.g + s.n) % ${RULES.length}],
      (ARRAY['resolved', 'no_change', 'no_change', 'resolved', 'no_change', 'worse', 'skipped', 'no_change', 'not_applicable', 'no_change',
             'resolved', 'no_change', 'no_change', 'no_change', 'skipped', 'no_change', 'resolved', 'no_change', 'worse', 'no_change'])[1 + (s.g * 7 + s.n) % 20]::"StepOutcome",
      s.created_at + make_interval(hours => s.n::int), 'api_token', s.created_at + make_interval(hours => s.n::int)
      ${attribution ? `, COALESCE(a.scopes, '{}')` : ""}
    FROM (SELECT metrics_seed_case.*, generate_series(1, g % 4) AS n FROM metrics_seed_case) s
    ${attribution ? `LEFT JOIN (
      SELECT d."tenantId", d."caseId",
             array_agg(DISTINCT d.platform::text || ':' || metrics_os_major(d.platform, d."osVersion", d."icloudForWindowsVersion")
                       ORDER BY d.platform::text || ':' || metrics_os_major(d.platform, d."osVersion", d."icloudForWindowsVersion")) AS scopes
      FROM "Device" d WHERE d."tenantId" IN (SELECT tenant_id FROM metrics_seed_tenant) GROUP BY 1, 2
    ) a ON a."tenantId" = s.tenant_id AND a."caseId" = s.case_id` : ""}`;
}

/** One move (seq $1) of every case that made it, as the services make it: one UPDATE, updatedAt = the move's moment. */
export const UPDATE_MOVE = `UPDATE "Case" c SET status = m.to_status, "updatedAt" = m.at,
    "resolvedAt" = CASE WHEN m.to_status = 'resolved' THEN m.at ELSE c."resolvedAt" END,
    "appleCaseNumber" = CASE WHEN m.to_status = 'escalated' THEN '10' || m.g ELSE c."appleCaseNumber" END
  FROM metrics_seed_move m WHERE m.seq = $1 AND c."tenantId" = m.tenant_id AND c.id = m.case_id`;

export const MOVE_SEQUENCE = [1, 2, 3, 4, 5, 6];
