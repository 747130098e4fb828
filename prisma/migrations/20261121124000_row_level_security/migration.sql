-- Tenant isolation in the database itself (docs/decisions/0001-tenant-isolation.md).
--
-- The application connects as photo_sync_app: not a superuser, not the owner of any table,
-- no BYPASSRLS. The tenant is set per transaction with set_config('app.tenant_id', id, true);
-- with no tenant set, every tenant table shows zero rows and accepts no writes.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'photo_sync_app') THEN
    CREATE ROLE photo_sync_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;

-- The tenant of the current transaction, or NULL when none is set ('' after a transaction ends).
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- A per-transaction lookup key, used only where the tenant is not known yet (sign-in, API token,
-- customer link). Knowing the value is the authorisation: a SHA-256 of a secret, or the signed-in user.
CREATE OR REPLACE FUNCTION app_lookup(name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.lookup_' || name, true), '') $$;

GRANT USAGE ON SCHEMA public TO photo_sync_app;
GRANT EXECUTE ON FUNCTION app_current_tenant() TO photo_sync_app;
GRANT EXECUTE ON FUNCTION app_lookup(text) TO photo_sync_app;

-- Tenant-owned tables: full isolation on tenantId.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Membership', 'ApiToken', 'Customer', 'Case', 'Device', 'StatusObservation',
                           'Attachment', 'TriedStep', 'CaseEvent', 'CustomerLink', 'TenantRuleSettings',
                           'IdempotencyKey']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenantId" = app_current_tenant()) '
                   'WITH CHECK ("tenantId" = app_current_tenant())', t);
  END LOOP;
END
$$;

ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant"
  USING ("id" = app_current_tenant()) WITH CHECK ("id" = app_current_tenant());

-- Pre-tenant lookups, read-only and narrow.
CREATE POLICY lookup_by_token_hash ON "ApiToken" FOR SELECT
  USING ("tokenHash" = app_lookup('api_token_hash'));
CREATE POLICY lookup_by_token_hash ON "CustomerLink" FOR SELECT
  USING ("tokenHash" = app_lookup('customer_link_hash'));
CREATE POLICY lookup_own_memberships ON "Membership" FOR SELECT
  USING ("userId"::text = app_lookup('user_id'));
CREATE POLICY lookup_own_tenants ON "Tenant" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "Membership" m
                 WHERE m."tenantId" = "Tenant"."id" AND m."userId"::text = app_lookup('user_id')));

-- Privileges: the timeline is append-only for the application.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "Tenant", "Membership", "ApiToken", "Customer", "Case", "Device", "StatusObservation",
  "Attachment", "TriedStep", "CustomerLink", "TenantRuleSettings", "IdempotencyKey"
  TO photo_sync_app;
GRANT SELECT, INSERT ON "CaseEvent" TO photo_sync_app;
GRANT SELECT, INSERT, UPDATE ON "User" TO photo_sync_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "login_throttle" TO photo_sync_app;

-- Belt and braces for the timeline: even the owner cannot rewrite history by accident.
CREATE OR REPLACE FUNCTION case_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CaseEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only();
