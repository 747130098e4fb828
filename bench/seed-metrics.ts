import type pg from "pg";

// Set-based seeding for the metrics benchmark: N cases over the last two years with devices, tried
// steps with outcomes and a status history (resolved, escalated, returned, still open), generated
// inside PostgreSQL in chunks. It runs as the admin role but through the same triggers as the
// application, so the aggregates are built exactly as in production (one statement per chunk).

const CHUNK = 25_000;
const SPAN_SECONDS = 730 * 86_400;
const RULES = ["check-apple-system-status", "test-fresh-shot", "keep-photos-open-plugged-in", "disable-low-power-mode", "free-icloud-storage",
  "stable-wifi", "restart-device", "update-os", "toggle-icloud-photos", "mac-keep-photos-open"];

export async function seedMetricsCases(admin: pg.Client, tenantId: string, count: number, onChunk?: (done: number) => void): Promise<void> {
  for (let low = 1; low <= count; low += CHUNK) {
    await seedChunk(admin, tenantId, low, Math.min(count, low + CHUNK - 1));
    onChunk?.(Math.min(count, low + CHUNK - 1));
  }
  await admin.query(`UPDATE "Tenant" SET "caseSeq" = $2 WHERE id = $1`, [tenantId, count]);
}

// fate = g % 20: 0–11 resolved, 12–13 escalated, 14 escalated then resolved, 15 returned then resolved,
// 16–17 open, 18 waiting on the customer, 19 in escalation review.
async function seedChunk(admin: pg.Client, tenantId: string, low: number, high: number): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => admin.query(sql, params);
  await q("BEGIN");
  await q(`CREATE TEMP TABLE seed ON COMMIT DROP AS
    SELECT g, g % 20 AS fate, gen_random_uuid() AS case_id, gen_random_uuid() AS customer_id,
           now() - make_interval(secs => ((g::bigint * 7919 + 17) % ${SPAN_SECONDS})::int) AS created_at,
           string_to_array((ARRAY['iphone', 'iphone,mac', 'iphone,windows', 'ipad', 'iphone,ipad,mac'])[1 + g % 5], ',') AS platforms
    FROM generate_series($1::int, $2::int) g`, [low, high]);
  await q(`INSERT INTO "Customer" ("tenantId", id, name, email, "createdAt")
    SELECT $1, customer_id, 'Customer ' || g, 'customer' || g || '@example.com', created_at FROM seed`, [tenantId]);
  await q(`INSERT INTO "Case" ("tenantId", id, number, "customerId", status, version, "problemSince", "appleSystemStatus",
      platforms, "escalationBlockers", "createdAt", "updatedAt")
    SELECT $1, case_id, g, customer_id, 'open', 1, created_at - make_interval(hours => g % 200), 'ok', platforms::"Platform"[],
      CASE WHEN fate BETWEEN 12 AND 19 THEN string_to_array((ARRAY['device_os_version_missing,step_not_tried:restart-device',
        'library_size_missing', 'step_not_tried:toggle-icloud-photos,status_message_missing', 'step_not_tried:restart-device'])[1 + g % 4], ',')
      ELSE '{}' END,
      created_at, created_at
    FROM seed`, [tenantId]);
  await q(`INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion", "icloudForWindowsVersion")
    SELECT $1, gen_random_uuid(), case_id, platform || '-' || pos, pos - 1, platform::"Platform", initcap(platform),
      CASE WHEN g % 13 = 0 THEN NULL WHEN platform IN ('iphone', 'ipad') THEN (ARRAY['18', '17', '18', '16'])[1 + g % 4] || '.' || (g % 6)
           WHEN platform = 'mac' THEN (ARRAY['15', '14', '13'])[1 + g % 3] || '.' || (g % 5) ELSE '11' END,
      CASE WHEN platform = 'windows' THEN (ARRAY['15.3.1.2', '14.2.0.9'])[1 + g % 2] END
    FROM seed, unnest(platforms) WITH ORDINALITY AS d(platform, pos)`, [tenantId]);
  await q(`INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, "triedAt", "actorKind", "createdAt")
    SELECT $1, gen_random_uuid(), case_id, ($2::text[])[1 + (g + n) % ${RULES.length}],
      (ARRAY['resolved', 'no_change', 'no_change', 'resolved', 'no_change', 'worse', 'skipped', 'no_change', 'not_applicable', 'no_change',
             'resolved', 'no_change', 'no_change', 'no_change', 'skipped', 'no_change', 'resolved', 'no_change', 'worse', 'no_change'])[1 + (g * 7 + n) % 20]::"StepOutcome",
      created_at + make_interval(hours => n), 'api_token', created_at + make_interval(hours => n)
    FROM seed, generate_series(1, g % 4) n`, [tenantId, RULES]);
  // The status history: one UPDATE per move, as the services make them (updatedAt = the move's moment).
  const at = (hours: string) => `LEAST(now(), s.created_at + make_interval(hours => ${hours}))`;
  const move = (to: string, fates: string, hours: string, extra = "") =>
    q(`UPDATE "Case" c SET status = '${to}', "updatedAt" = ${at(hours)}${extra}
       FROM seed s WHERE c."tenantId" = $1 AND c.id = s.case_id AND s.fate IN (${fates})`, [tenantId]);
  await move("resolved", "0,1,2,3,4,5,6,7,8,9,10,11", "1 + (s.g * 37) % 300", `, "resolvedAt" = ${at("1 + (s.g * 37) % 300")}`);
  await move("waiting_on_customer", "18", "2");
  await move("escalation_review", "12,13,14,15,19", "24 + s.g % 48");
  await move("open", "15", "80");
  await move("escalated", "12,13,14", "96 + s.g % 72", `, "appleCaseNumber" = '10' || s.g`);
  await move("resolved", "14,15", "240 + s.g % 100", `, "resolvedAt" = ${at("240 + s.g % 100")}`);
  await q("COMMIT");
}
