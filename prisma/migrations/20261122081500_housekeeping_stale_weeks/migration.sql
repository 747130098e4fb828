-- Housekeeping refreshes the cached weekly figures that status changes made stale, so that no
-- supervisor's first read pays for them (lib/housekeeping/refresh-weeks.ts, decision 0044).
-- No schema change: only a policy. With the lookup 'housekeeping' = 'refresh_weeks' and no tenant,
-- the app role may SELECT, across tenants, only the rows that need the job: stale (a status change
-- arrived after the figures were computed) and of a closed ISO week (before the current one, which
-- readers always compute live). It may not write through this policy: the figures are recomputed and
-- stored in each tenant's own unit of work (tenant_isolation, and the column grants that keep the
-- version the triggers' alone).
CREATE POLICY housekeeping_stale_weeks ON "WeekStatusStats" FOR SELECT
  USING (app_lookup('housekeeping') = 'refresh_weeks'
         AND "computedVersion" IS DISTINCT FROM "version"
         AND "week" < date_trunc('week', now() AT TIME ZONE 'UTC')::date);
