-- Hardening (issue 11, docs/decisions/0052-database-defence-in-depth.md).

-- 1. One table for every rate limit: "rate_limit" (created for the customer's link, decision 0022)
--    now also counts sign-in, API tokens and anonymous requests (decision 0051). The sign-in
--    throttle's own table goes; its rows were short-lived counters, so nothing of value is lost.
DROP TABLE "login_throttle";

-- 2. Server-side browser sessions: signing out revokes the row; expiresAt is absolute.
CREATE TABLE "StaffSession" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("tenantId","id")
);
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "Membership"("tenantId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StaffSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StaffSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StaffSession"
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
-- Checked on every request before the tenant is known: the cookie's session id is the lookup value.
CREATE POLICY lookup_by_session_id ON "StaffSession" FOR SELECT
  USING ("id"::text = app_lookup('session_id'));
GRANT SELECT, INSERT, UPDATE, DELETE ON "StaffSession" TO photo_sync_app;

-- 3. "User" holds every tenant's people: the app sees a user row only when sign-in asks for that
--    email, when it is the signed-in user, or when the user is a member of the current tenant.
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;
CREATE POLICY lookup_by_email ON "User" FOR SELECT
  USING ("email" = app_lookup('user_email'));
CREATE POLICY lookup_self ON "User" FOR SELECT
  USING ("id"::text = app_lookup('user_id'));
CREATE POLICY member_of_current_tenant ON "User" FOR SELECT
  USING (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User"."id" AND m."tenantId" = app_current_tenant()));
CREATE POLICY member_of_current_tenant_update ON "User" FOR UPDATE
  USING (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User"."id" AND m."tenantId" = app_current_tenant())
         OR "id"::text = app_lookup('user_id'))
  WITH CHECK (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User"."id" AND m."tenantId" = app_current_tenant())
         OR "id"::text = app_lookup('user_id'));
-- New people are created inside a tenant's unit of work (provisioning, invitations), never outside.
CREATE POLICY create_within_tenant ON "User" FOR INSERT
  WITH CHECK (app_current_tenant() IS NOT NULL);

-- 4. Housekeeping (lib/housekeeping): with the lookup 'housekeeping' = 'purge' and no tenant, the app
--    may read and delete only what the retention rules say is garbage, across tenants.
CREATE POLICY housekeeping_read ON "IdempotencyKey" FOR SELECT
  USING (app_lookup('housekeeping') = 'purge' AND "createdAt" < now() - interval '1 day');
CREATE POLICY housekeeping_purge ON "IdempotencyKey" FOR DELETE
  USING (app_lookup('housekeeping') = 'purge' AND "createdAt" < now() - interval '1 day');
CREATE POLICY housekeeping_read ON "Attachment" FOR SELECT
  USING (app_lookup('housekeeping') = 'purge' AND "caseId" IS NULL AND "createdAt" < now() - interval '1 day');
CREATE POLICY housekeeping_purge ON "Attachment" FOR DELETE
  USING (app_lookup('housekeeping') = 'purge' AND "caseId" IS NULL AND "createdAt" < now() - interval '1 day');
CREATE POLICY housekeeping_read ON "StaffSession" FOR SELECT
  USING (app_lookup('housekeeping') = 'purge' AND "expiresAt" < now() - interval '1 day');
CREATE POLICY housekeeping_purge ON "StaffSession" FOR DELETE
  USING (app_lookup('housekeeping') = 'purge' AND "expiresAt" < now() - interval '1 day');

-- 5. No DELETE the code does not do. Cases, customers, steps, memberships, tokens, links and
--    settings are never deleted by the app (they are closed, revoked or deactivated instead);
--    devices, status messages and search tokens are replaced as a whole; idempotency keys,
--    unattached screenshots and expired sessions are purged by housekeeping.
REVOKE DELETE ON "Tenant", "Membership", "ApiToken", "Customer", "Case", "TriedStep", "CustomerLink", "TenantRuleSettings"
  FROM photo_sync_app;
