-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "escalationBlockers" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "TriedStep" ADD COLUMN     "attributedTo" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "RuleOutcomeCount" (
    "tenantId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "bucket" DATE NOT NULL,
    "platform" TEXT NOT NULL,
    "osMajor" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "noChange" INTEGER NOT NULL DEFAULT 0,
    "worse" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RuleOutcomeCount_pkey" PRIMARY KEY ("tenantId","period","bucket","platform","osMajor","ruleId")
);

-- CreateTable
CREATE TABLE "CaseStateCount" (
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "cases" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseStateCount_pkey" PRIMARY KEY ("tenantId","kind","platform","key")
);

-- CreateTable
CREATE TABLE "CaseStatusChange" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "fromStatus" "CaseStatus",
    "toStatus" "CaseStatus" NOT NULL,
    "platforms" "Platform"[],
    "caseCreatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseStatusChange_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "WeekStatusStats" (
    "tenantId" UUID NOT NULL,
    "platform" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "computedVersion" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolvedByDesk" INTEGER NOT NULL DEFAULT 0,
    "escalated" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "medianEscalate" DOUBLE PRECISION,
    "medianResolve" DOUBLE PRECISION,
    "p90Resolve" DOUBLE PRECISION,

    CONSTRAINT "WeekStatusStats_pkey" PRIMARY KEY ("tenantId","platform","week")
);

-- CreateIndex
CREATE INDEX "RuleOutcomeCount_tenantId_period_platform_osMajor_idx" ON "RuleOutcomeCount"("tenantId", "period", "platform", "osMajor");

-- CreateIndex
CREATE INDEX "CaseStatusChange_tenantId_changedAt_idx" ON "CaseStatusChange"("tenantId", "changedAt");

-- AddForeignKey
ALTER TABLE "RuleOutcomeCount" ADD CONSTRAINT "RuleOutcomeCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStateCount" ADD CONSTRAINT "CaseStateCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStatusChange" ADD CONSTRAINT "CaseStatusChange_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeekStatusStats" ADD CONSTRAINT "WeekStatusStats_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Metrics aggregates, maintained by the database itself (docs/decisions/0040-metrics-aggregates.md).
-- Triggers on TriedStep and Case keep them in the writer's own transaction, whichever code path
-- writes (one case or a bulk UPDATE, today's services or tomorrow's). The trigger functions run as
-- their owner (SECURITY DEFINER) so the application role only ever reads the aggregates.
-- ---------------------------------------------------------------------------------------------

-- The OS major a device's attempts are counted under: iCloud for Windows' major on a PC (that is
-- what decides its sync), the OS version's major elsewhere; 0 when unknown. Mirrors osMajorOf() in
-- lib/metrics/os-major.ts (an integration test compares them).
CREATE FUNCTION metrics_os_major(platform "Platform", os_version text, icloud_for_windows_version text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(substring(CASE WHEN platform = 'windows' THEN icloud_for_windows_version ELSE os_version END
                                  FROM '^\s*(\d{1,6})')::integer, 0) $$;

-- A step is attributed to the case's devices as they are when it is recorded, and that attribution
-- never changes afterwards (an UPDATE keeps it), so the counts it added can be taken back exactly.
CREATE FUNCTION tried_step_attribute() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW."attributedTo" := OLD."attributedTo";
  ELSE
    NEW."attributedTo" := COALESCE((
      SELECT array_agg(scope ORDER BY scope) FROM (
        SELECT DISTINCT d.platform::text || ':' || metrics_os_major(d.platform, d."osVersion", d."icloudForWindowsVersion") AS scope
        FROM "Device" d WHERE d."tenantId" = NEW."tenantId" AND d."caseId" = NEW."caseId") scopes), '{}');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER tried_step_attribute BEFORE INSERT OR UPDATE ON "TriedStep"
  FOR EACH ROW EXECUTE FUNCTION tried_step_attribute();

-- Adds (sign 1) or takes back (sign -1) the attempts among `steps`: per day, month and all time;
-- once for all devices, once per platform of the case, once per platform × OS major.
-- Rows are upserted in key order, so concurrent writers lock them in the same order (no deadlock).
CREATE FUNCTION rule_outcome_count_add(steps "TriedStep"[], sign integer) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO "RuleOutcomeCount" ("tenantId", "period", "bucket", "platform", "osMajor", "ruleId", "resolved", "noChange", "worse")
  SELECT s."tenantId", p.period, p.bucket, scope.platform, scope.os_major, s."ruleId",
         (sign * count(*) FILTER (WHERE s.outcome = 'resolved'))::integer,
         (sign * count(*) FILTER (WHERE s.outcome = 'no_change'))::integer,
         (sign * count(*) FILTER (WHERE s.outcome = 'worse'))::integer
  FROM unnest(steps) s
  CROSS JOIN LATERAL (VALUES
    ('day', (s."triedAt" AT TIME ZONE 'UTC')::date),
    ('month', date_trunc('month', s."triedAt" AT TIME ZONE 'UTC')::date),
    ('all', DATE '1970-01-01')) AS p(period, bucket)
  CROSS JOIN LATERAL (
    SELECT 'all' AS platform, -1 AS os_major
    UNION SELECT split_part(a, ':', 1), -1 FROM unnest(s."attributedTo") a
    UNION SELECT split_part(a, ':', 1), split_part(a, ':', 2)::integer FROM unnest(s."attributedTo") a
  ) scope
  WHERE s.outcome IN ('resolved', 'no_change', 'worse')
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("tenantId", "period", "bucket", "platform", "osMajor", "ruleId") DO UPDATE SET
    "resolved" = "RuleOutcomeCount"."resolved" + EXCLUDED."resolved",
    "noChange" = "RuleOutcomeCount"."noChange" + EXCLUDED."noChange",
    "worse" = "RuleOutcomeCount"."worse" + EXCLUDED."worse"
$$;

CREATE FUNCTION tried_step_count_outcomes() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM rule_outcome_count_add(ARRAY(SELECT o::"TriedStep" FROM old_steps o), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM rule_outcome_count_add(ARRAY(SELECT n::"TriedStep" FROM new_steps n), 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER tried_step_count_outcomes_insert AFTER INSERT ON "TriedStep"
  REFERENCING NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION tried_step_count_outcomes();
CREATE TRIGGER tried_step_count_outcomes_update AFTER UPDATE ON "TriedStep"
  REFERENCING OLD TABLE AS old_steps NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION tried_step_count_outcomes();
CREATE TRIGGER tried_step_count_outcomes_delete AFTER DELETE ON "TriedStep"
  REFERENCING OLD TABLE AS old_steps FOR EACH STATEMENT EXECUTE FUNCTION tried_step_count_outcomes();

-- The net change in the counts of unresolved cases (by status) and of open / waiting cases (by
-- readiness blocker) between the rows before and after a statement. Unchanged keys write nothing.
CREATE FUNCTION case_state_count_apply(before_rows "Case"[], after_rows "Case"[]) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO "CaseStateCount" ("tenantId", "kind", "platform", "key", "cases")
  SELECT c."tenantId", k.kind, pl.platform, k.key, sum(c.sign)::integer
  FROM (SELECT b."tenantId", b.status, b.platforms, b."escalationBlockers", -1 AS sign FROM unnest(before_rows) b
        UNION ALL
        SELECT a."tenantId", a.status, a.platforms, a."escalationBlockers", 1 FROM unnest(after_rows) a) c
  CROSS JOIN LATERAL (SELECT 'all' AS platform UNION SELECT p::text FROM unnest(c.platforms) p) pl
  CROSS JOIN LATERAL (
    SELECT 'status' AS kind, c.status::text AS key WHERE c.status <> 'resolved'
    UNION ALL
    SELECT 'blocker', '*' WHERE c.status IN ('open', 'waiting_on_customer') AND cardinality(c."escalationBlockers") > 0
    UNION
    SELECT 'blocker', b FROM unnest(c."escalationBlockers") b WHERE c.status IN ('open', 'waiting_on_customer')
  ) k
  GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("tenantId", "kind", "platform", "key") DO UPDATE SET "cases" = "CaseStateCount"."cases" + EXCLUDED."cases"
$$;

-- One history row per status a case takes (its first status on insert). The moment is the write's
-- own clock as the application gave it (resolvedAt, else updatedAt when the statement set it), so
-- history written with a past `now` (demo data, imports) lands on its own day.
CREATE FUNCTION case_status_change_record(before_rows "Case"[], after_rows "Case"[]) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO "CaseStatusChange" ("tenantId", "caseId", "changedAt", "fromStatus", "toStatus", "platforms", "caseCreatedAt")
  SELECT a."tenantId", a.id,
         CASE WHEN b.id IS NULL THEN a."createdAt"
              WHEN a.status = 'resolved' AND a."resolvedAt" IS NOT NULL THEN a."resolvedAt"
              WHEN a."updatedAt" IS DISTINCT FROM b."updatedAt" THEN a."updatedAt"
              ELSE statement_timestamp() END,
         b.status, a.status, a.platforms, a."createdAt"
  FROM unnest(after_rows) a
  LEFT JOIN unnest(before_rows) b ON b."tenantId" = a."tenantId" AND b.id = a.id
  WHERE b.id IS NULL OR b.status IS DISTINCT FROM a.status
$$;

CREATE FUNCTION case_metrics_apply() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  before_rows "Case"[] := '{}';
  after_rows "Case"[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    before_rows := ARRAY(SELECT o::"Case" FROM old_cases o);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    after_rows := ARRAY(SELECT n::"Case" FROM new_cases n);
  END IF;
  PERFORM case_state_count_apply(before_rows, after_rows);
  PERFORM case_status_change_record(before_rows, after_rows);
  RETURN NULL;
END
$$;
CREATE TRIGGER case_metrics_insert AFTER INSERT ON "Case"
  REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_metrics_apply();
CREATE TRIGGER case_metrics_update AFTER UPDATE ON "Case"
  REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_metrics_apply();
CREATE TRIGGER case_metrics_delete AFTER DELETE ON "Case"
  REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION case_metrics_apply();

-- Every status change that counts in the weekly figures makes its week's cached figures stale, for all
-- devices and for each platform of the case (lib/metrics/week-stats.ts recomputes them when read).
CREATE FUNCTION week_status_stats_touch() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  INSERT INTO "WeekStatusStats" ("tenantId", "platform", "week", "version")
  SELECT n."tenantId", p.platform, date_trunc('week', n."changedAt" AT TIME ZONE 'UTC')::date, 1
  FROM new_changes n
  CROSS JOIN LATERAL (SELECT 'all' AS platform UNION SELECT pl::text FROM unnest(n.platforms) pl) p
  WHERE n."toStatus" IN ('resolved', 'escalated') OR n."fromStatus" = 'escalation_review'
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("tenantId", "platform", "week") DO UPDATE SET "version" = "WeekStatusStats"."version" + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER week_status_stats_touch AFTER INSERT ON "CaseStatusChange"
  REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION week_status_stats_touch();

-- Only the trigger functions (as their owner) may call the helpers.
REVOKE EXECUTE ON FUNCTION rule_outcome_count_add("TriedStep"[], integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION case_state_count_apply("Case"[], "Case"[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION case_status_change_record("Case"[], "Case"[]) FROM PUBLIC;

-- Status history is history: never rewritten.
CREATE TRIGGER case_status_change_append_only BEFORE UPDATE OR DELETE ON "CaseStatusChange"
  FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();

-- Existing data. FORCE is lifted for the backfill (the migrator has no tenant set) and restored;
-- the script runs as one transaction. Readiness blockers need the TypeScript rulebook: existing
-- cases get theirs on their next write (and from the settings recompute).
ALTER TABLE "Case" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "Device" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "TriedStep" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "CaseEvent" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "RuleOutcomeCount" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "CaseStateCount" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "CaseStatusChange" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "WeekStatusStats" NO FORCE ROW LEVEL SECURITY;

ALTER TABLE "TriedStep" DISABLE TRIGGER tried_step_attribute;
ALTER TABLE "TriedStep" DISABLE TRIGGER tried_step_count_outcomes_update;
UPDATE "TriedStep" t SET "attributedTo" = COALESCE((
  SELECT array_agg(scope ORDER BY scope) FROM (
    SELECT DISTINCT d.platform::text || ':' || metrics_os_major(d.platform, d."osVersion", d."icloudForWindowsVersion") AS scope
    FROM "Device" d WHERE d."tenantId" = t."tenantId" AND d."caseId" = t."caseId") scopes), '{}');
ALTER TABLE "TriedStep" ENABLE TRIGGER tried_step_attribute;
ALTER TABLE "TriedStep" ENABLE TRIGGER tried_step_count_outcomes_update;
SELECT rule_outcome_count_add(ARRAY(SELECT t FROM "TriedStep" t), 1);

-- The Case UPDATE trigger never fired for existing rows: count them once.
SELECT case_state_count_apply('{}', ARRAY(SELECT c FROM "Case" c));
-- Status history from the timeline: the status each case was created with, then every change.
INSERT INTO "CaseStatusChange" ("tenantId", "caseId", "changedAt", "fromStatus", "toStatus", "platforms", "caseCreatedAt")
SELECT e."tenantId", e."caseId", e."createdAt",
       CASE WHEN e.type = 'status.changed' THEN (e.data ->> 'from')::"CaseStatus" END,
       COALESCE(CASE WHEN e.type = 'status.changed' THEN e.data ->> 'to' ELSE e.data ->> 'status' END, 'open')::"CaseStatus",
       c.platforms, c."createdAt"
FROM "CaseEvent" e
JOIN "Case" c ON c."tenantId" = e."tenantId" AND c.id = e."caseId"
WHERE e.type IN ('case.created', 'status.changed');

ALTER TABLE "Case" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Device" FORCE ROW LEVEL SECURITY;
ALTER TABLE "TriedStep" FORCE ROW LEVEL SECURITY;
ALTER TABLE "CaseEvent" FORCE ROW LEVEL SECURITY;

-- Tenant isolation, as for every tenant table (20261121124000_row_level_security).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['RuleOutcomeCount', 'CaseStateCount', 'CaseStatusChange', 'WeekStatusStats']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenantId" = app_current_tenant()) '
                   'WITH CHECK ("tenantId" = app_current_tenant())', t);
  END LOOP;
END
$$;

-- The application reads the aggregates; only the triggers above write them.
GRANT SELECT ON "RuleOutcomeCount", "CaseStateCount", "CaseStatusChange", "WeekStatusStats" TO photo_sync_app;
-- …except the cached weekly figures, which the reader stores (never the version the triggers keep).
GRANT UPDATE ("computedVersion", "resolved", "resolvedByDesk", "escalated", "returned", "medianEscalate", "medianResolve", "p90Resolve")
  ON "WeekStatusStats" TO photo_sync_app;
