// The seed's SQL (bench/seed-cases.ts runs it): a view generating one row per case from the tenants
// and the vocabulary, and one INSERT … SELECT over it per table. Every value is a function of
// (tenant index, case number n); integer arithmetic is bigint throughout (n * 7919 overflows int4
// past 271,000 cases).

// (creation ms, tenant index, counter) → a UUIDv7-shaped id: 48-bit Unix ms, version 7, 12 bits of
// tenant index, variant 8, 60-bit counter; unique per table as long as counters are. Written out
// inline in each statement: a SQL function whose body PostgreSQL does not inline costs ~10 µs a
// call, and the seed makes ~20 ids per case.
const id = (counter: string) =>
  `(lpad(to_hex(created_ms), 12, '0') || '7' || lpad(to_hex(idx), 3, '0') || '8' || lpad(to_hex(${counter}), 15, '0'))::uuid`;

export const CASE_SOURCE = `
  CREATE TEMP VIEW seed_case AS
  SELECT t.tenant_id, t.idx, t.assignee_id, n, c.created_at, c.created_ms,
         (lpad(to_hex(c.created_ms), 12, '0') || '7' || lpad(to_hex(t.idx), 3, '0') || '8' || lpad(to_hex(n), 15, '0'))::uuid AS case_id,
         v.first_names[1 + n % 12] || ' ' || sn.name AS customer_name,
         v.first_tokens[1 + n % 12] || ' ' || sn.tokens AS name_tokens,
         'customer' || n || '@' || v.domains[1 + n % 3] AS email,
         v.domain_tokens[1 + n % 3] AS domain_tokens,
         string_to_array(v.profile_platforms[1 + n % 4], ',') AS platforms,
         string_to_array(v.profile_models[1 + n % 4], ',') AS models,
         v.profile_tokens[1 + n % 4] AS model_tokens,
         (ARRAY['open','open','open','open','open','open','waiting_on_customer','waiting_on_customer','resolved','escalation_review'])[1 + n % 10]::"CaseStatus" AS status,
         v.step_rules
  -- Set-returning functions sit in SELECT lists, never in FROM: in FROM each call is first
  -- materialised into a tuplestore (once per tenant here, once per case in the child tables).
  FROM (SELECT tenant_id, idx, assignee_id, cases, generate_series(1::bigint, cases) AS n FROM seed_tenant) t
  CROSS JOIN seed_vocab v
  CROSS JOIN LATERAL (SELECT (t.cases - n) * 3 + (n * 7919) % 60 AS age_minutes) a
  CROSS JOIN LATERAL (SELECT v.now - make_interval(mins => a.age_minutes::int) AS created_at, v.now_ms - a.age_minutes * 60000 AS created_ms) c
  -- One customer in ten has a rare surname (after the 10 common ones).
  -- A join, not an array subscript: indexing a large (TOASTed) array decompresses it on every row.
  JOIN seed_surname sn ON sn.i = (CASE WHEN n % 10 = 9 THEN 11 + (n * 7919) % 8000 ELSE 1 + (n / 12) % 10 END)::int`;

// The table each INSERT fills.
export const TABLE_OF: Record<string, string> = {
  customers: "Customer", cases: "Case", searchTokens: "CaseSearchToken", devices: "Device",
  statusMessages: "StatusObservation", steps: "TriedStep", events: "CaseEvent",
};

export const INSERTS: Record<string, string> = {
  customers: `INSERT INTO "Customer" ("tenantId", id, name, email, "createdAt")
    SELECT tenant_id, ${id("n")}, customer_name, email, created_at FROM seed_case`,
  cases: `INSERT INTO "Case" ("tenantId", id, number, "customerId", status, "assigneeId", version, "problemSince",
      "appleIdConsistent", "appleSystemStatus", "libraryItemCount", "librarySizeGb", "libraryHasLargeFiles", "icloudTotalGb", "icloudFreeGb",
      symptoms, platforms, "escalationReadyAt", "escalationSubmittedAt", "createdAt", "updatedAt", "resolvedAt")
    SELECT tenant_id, case_id, n, ${id("n")}, status, CASE WHEN n % 3 = 0 THEN assignee_id END, 1 + n % 4,
      created_at - make_interval(hours => (n % 200)::int),
      CASE n % 3 WHEN 0 THEN true WHEN 1 THEN false END,
      (ARRAY['ok','unknown','ok','outage'])[1 + n % 4]::"AppleSystemStatus",
      CASE WHEN n % 5 <> 0 THEN 1000 + (n * 37) % 90000 END, CASE WHEN n % 5 <> 0 THEN 5 + (n * 13) % 900 END, n % 4 = 0,
      (ARRAY[50, 200, 2000])[1 + n % 3], ((n * 17) % 50)::float,
      string_to_array((ARRAY['stuck_waiting_to_upload', 'blurry_thumbnails,slow_upload', '', 'items_missing'])[1 + n % 4], ',')::"Symptom"[],
      platforms::"Platform"[],
      CASE WHEN n % 7 = 0 THEN created_at + interval '1 day' END,
      CASE WHEN status = 'escalation_review' THEN created_at + make_interval(hours => (1 + n % 30)::int) END,
      created_at, created_at + make_interval(mins => ((n * 31) % 600)::int), CASE WHEN status = 'resolved' THEN created_at + interval '2 days' END
    FROM seed_case`,
  // Tokens as searchTokensOf() makes them: name, email (local part and domain words), "pst", the
  // number (once, even when a model has the same number), the models' words.
  searchTokens: `INSERT INTO "CaseSearchToken" ("tenantId", token, "caseId")
    SELECT tenant_id, unnest(string_to_array(name_tokens || ' customer' || n || ' ' || domain_tokens || ' pst'
        || CASE WHEN n::text = ANY (string_to_array(model_tokens, ' ')) THEN '' ELSE ' ' || n END || ' ' || model_tokens, ' ')), case_id
    FROM seed_case`,
  devices: `INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion", "icloudPhotosEnabled",
      "storageMode", "freeStorageGb", "lowPowerMode", "pluggedIn", network, vpn)
    SELECT tenant_id, ${id("n * 4 + pos")}, case_id, platform || '-' || pos, pos - 1, platform::"Platform", models[pos],
      CASE WHEN platform IN ('iphone','ipad') THEN '17.' || (n % 6) WHEN platform = 'mac' THEN '14.' || (n % 5) END,
      n % 9 <> 0, (ARRAY['optimize','originals'])[1 + n % 2]::"StorageMode", (n * 3) % 120, n % 8 = 0, n % 2 = 0,
      (ARRAY['wifi','wifi','cellular','hotspot','wifi'])[1 + (n + pos) % 5]::"NetworkKind", n % 11 = 0
    FROM (SELECT seed_case.*, unnest(platforms) AS platform, generate_subscripts(platforms, 1)::bigint AS pos FROM seed_case) d`,
  statusMessages: `INSERT INTO "StatusObservation" ("tenantId", id, "caseId", "deviceKey", message, text, "observedAt")
    SELECT tenant_id, ${id("n * 2 + k")}, case_id, platforms[1] || '-1',
      (ARRAY['waiting_to_upload','paused','uploading','syncing','other'])[1 + (n + k) % 5]::"StatusMessageKind",
      CASE WHEN k = 1 THEN 'Waiting to Upload ' || (n % 900) || ' Items' END, created_at - make_interval(hours => k::int)
    FROM (SELECT seed_case.*, generate_series(1, 1 + n % 2) AS k FROM seed_case) s`,
  steps: `INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, note, "triedAt", "actorKind", "createdAt")
    SELECT tenant_id, ${id("n * 4 + k")}, case_id, step_rules[1 + (n + k) % 6],
      (ARRAY['no_change','no_change','skipped','worse','resolved'])[1 + (n * k) % 5]::"StepOutcome", NULL,
      created_at + make_interval(mins => k::int * 10), 'api_token', created_at + make_interval(mins => k::int * 10)
    FROM (SELECT seed_case.*, generate_series(1, n % 4) AS k FROM seed_case) s`,
  // The timeline as the services write it: case.created, then one step.recorded per step.
  events: `INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
    SELECT tenant_id, ${id("n * 4 + k")}, case_id,
      CASE WHEN k = 0 THEN 'case.created' ELSE 'step.recorded' END, 'api_token', 'API token “Seed”',
      CASE WHEN k = 0 THEN jsonb_build_object('number', n, 'status', status, 'assigneeId', CASE WHEN n % 3 = 0 THEN assignee_id END)
           ELSE jsonb_build_object('stepId', ${id("n * 4 + k")}, 'ruleId', step_rules[1 + (n + k) % 6],
                  'outcome', (ARRAY['no_change','no_change','skipped','worse','resolved'])[1 + (n * k) % 5], 'note', NULL) END,
      created_at + make_interval(mins => k::int * 10)
    FROM (SELECT seed_case.*, generate_series(0, n % 4) AS k FROM seed_case) s`,
  caseNumbers: `UPDATE "Tenant" t SET "caseSeq" = s.cases FROM seed_tenant s WHERE t.id = s.tenant_id`,
};
