import type pg from "pg";

// Set-based seeding for the API benchmark: N cases with customers, 1–3 devices, status messages,
// tried steps and timeline events, generated inside PostgreSQL (seconds, not minutes). Runs as the
// admin role (RLS does not apply), then the benchmark reads as the application role.

export async function seedCases(admin: pg.Client, tenantId: string, count: number, assigneeId: string): Promise<void> {
  await admin.query("BEGIN");
  await admin.query("DROP TABLE IF EXISTS seed");
  await admin.query(`CREATE TEMP TABLE seed ON COMMIT DROP AS
    SELECT g,
           gen_random_uuid() AS case_id,
           gen_random_uuid() AS customer_id,
           (ARRAY['Olivia','Liam','Emma','Noah','Ava','Elijah','Sofia','Mateo','Mia','Lucas','Amara','Kenji'])[1 + g % 12]
             || ' ' || (ARRAY['Smith','Garcia','Okafor','Nguyen','Müller','Rossi','Kowalski','Haddad','Tanaka','Silva'])[1 + (g / 12) % 10]
             || ' ' || g AS customer_name,
           'customer' || g || '@' || (ARRAY['example.com','mail.example','corp.example'])[1 + g % 3] AS email,
           string_to_array((ARRAY['iphone', 'iphone,mac', 'ipad,windows', 'iphone,ipad,mac'])[1 + g % 4], ',') AS platforms,
           string_to_array((ARRAY['iPhone 15 Pro', 'iPhone 13,MacBook Air M2', 'iPad Air,Surface Laptop 5', 'iPhone 16,iPad mini,iMac 24'])[1 + g % 4], ',') AS models,
           (ARRAY['open','open','open','open','open','open','waiting_on_customer','waiting_on_customer','resolved','escalation_review'])[1 + g % 10] AS status,
           now() - make_interval(mins => (($1::int - g) * 3 + (g * 7919) % 60)) AS created_at
    FROM generate_series(1, $1::int) g`, [count]);
  await admin.query(`INSERT INTO "Customer" ("tenantId", id, name, email, "createdAt")
    SELECT $1, customer_id, customer_name, email, created_at FROM seed`, [tenantId]);
  await admin.query(`INSERT INTO "Case" ("tenantId", id, number, "customerId", status, "assigneeId", version, "problemSince",
      "appleIdConsistent", "appleSystemStatus", "libraryItemCount", "librarySizeGb", "libraryHasLargeFiles", "icloudTotalGb", "icloudFreeGb",
      symptoms, platforms, "escalationReadyAt", "escalationSubmittedAt", "createdAt", "updatedAt", "resolvedAt")
    SELECT $1, case_id, g, customer_id, status::"CaseStatus", CASE WHEN g % 3 = 0 THEN $2::uuid END, 1 + g % 4,
      created_at - make_interval(hours => g % 200),
      CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false END,
      (ARRAY['ok','unknown','ok','outage'])[1 + g % 4]::"AppleSystemStatus",
      CASE WHEN g % 5 <> 0 THEN 1000 + (g * 37) % 90000 END, CASE WHEN g % 5 <> 0 THEN 5 + (g * 13) % 900 END, g % 4 = 0,
      (ARRAY[50, 200, 2000])[1 + g % 3], ((g * 17) % 50)::float,
      string_to_array((ARRAY['stuck_waiting_to_upload', 'blurry_thumbnails,slow_upload', '', 'items_missing'])[1 + g % 4], ',')::"Symptom"[],
      platforms::"Platform"[],
      CASE WHEN g % 7 = 0 THEN created_at + interval '1 day' END,
      CASE WHEN status = 'escalation_review' THEN created_at + make_interval(hours => 1 + g % 30) END,
      created_at, created_at + make_interval(mins => (g * 31) % 600), CASE WHEN status = 'resolved' THEN created_at + interval '2 days' END
    FROM seed`, [tenantId, assigneeId]);
  // Search tokens as lib/cases/search-tokens.ts makes them: lower-cased, accents removed (NFKD minus
  // combining marks), split on non-alphanumerics; name, email, "pst-<n>" and models.
  await admin.query(`INSERT INTO "CaseSearchToken" ("tenantId", "caseId", token)
    SELECT DISTINCT $1::uuid, case_id, left(word, 64)
    FROM seed, regexp_split_to_table(
      regexp_replace(normalize(lower(customer_name || ' ' || email || ' pst-' || g || ' ' || array_to_string(models, ' ')), NFKD),
        '[\\u0300-\\u036f]', '', 'g'),
      '[^[:alnum:]]+') AS word
    WHERE word <> ''`, [tenantId]);
  await admin.query(`INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion", "icloudPhotosEnabled",
      "storageMode", "freeStorageGb", "lowPowerMode", "pluggedIn", network, vpn)
    SELECT $1, gen_random_uuid(), case_id, platform || '-' || pos, pos - 1, platform::"Platform", models[pos],
      CASE WHEN platform IN ('iphone','ipad') THEN '17.' || (g % 6) WHEN platform = 'mac' THEN '14.' || (g % 5) ELSE '11.0' END,
      g % 9 <> 0, (ARRAY['optimize','originals'])[1 + g % 2]::"StorageMode", (g * 3) % 120, g % 8 = 0, g % 2 = 0,
      (ARRAY['wifi','wifi','cellular','hotspot','wifi'])[1 + (g + pos) % 5]::"NetworkKind", g % 11 = 0
    FROM seed, unnest(platforms) WITH ORDINALITY AS d(platform, pos)`, [tenantId]);
  await admin.query(`INSERT INTO "StatusObservation" ("tenantId", id, "caseId", "deviceKey", message, text, "observedAt")
    SELECT $1, gen_random_uuid(), case_id, platforms[1] || '-1',
      (ARRAY['waiting_to_upload','paused','uploading','syncing','other'])[1 + (g + n) % 5]::"StatusMessageKind",
      CASE WHEN n = 1 THEN 'Waiting to Upload ' || (g % 900) || ' Items' END, created_at - make_interval(hours => n)
    FROM seed, generate_series(1, 1 + g % 2) n`, [tenantId]);
  await admin.query(`INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, note, "triedAt", "actorKind", "createdAt")
    SELECT $1, gen_random_uuid(), case_id,
      (ARRAY['test-fresh-shot','restart-device','stable-wifi','plug-in-to-charge','update-os','toggle-icloud-photos'])[1 + (g + n) % 6],
      (ARRAY['no_change','no_change','skipped','worse','resolved'])[1 + (g * n) % 5]::"StepOutcome", NULL,
      created_at + make_interval(mins => n * 10), 'api_token', created_at + make_interval(mins => n * 10)
    FROM seed, generate_series(1, g % 4) n`, [tenantId]);
  await admin.query(`INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
    SELECT $1, gen_random_uuid(), case_id, 'case.created', 'api_token', 'Seed', jsonb_build_object('number', g), created_at FROM seed`, [tenantId]);
  await admin.query(`UPDATE "Tenant" SET "caseSeq" = $2 WHERE id = $1`, [tenantId, count]);
  await admin.query("COMMIT");
}
