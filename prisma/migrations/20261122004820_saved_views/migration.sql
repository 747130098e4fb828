-- Saved case-list views (issue 12): personal (ownerId set) or shared with the team (ownerId NULL).

-- CreateTable
CREATE TABLE "SavedView" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" UUID,
    "createdById" UUID NOT NULL,
    "query" JSONB NOT NULL,
    "hiddenColumns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
-- NULLS NOT DISTINCT: team views (ownerId NULL) also have unique names within the tenant. Prisma
-- cannot express it and its diff does not compare it, so the schema shows a plain @@unique.
CREATE UNIQUE INDEX "SavedView_tenantId_ownerId_name_key" ON "SavedView"("tenantId", "ownerId", "name") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_tenantId_ownerId_fkey" FOREIGN KEY ("tenantId", "ownerId") REFERENCES "Membership"("tenantId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_tenantId_createdById_fkey" FOREIGN KEY ("tenantId", "createdById") REFERENCES "Membership"("tenantId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- Tenant isolation, as for every tenant table (20261121124000_row_level_security).
ALTER TABLE "SavedView" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SavedView" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SavedView"
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Views are created, renamed or re-saved, and deleted by the people who may manage them.
GRANT SELECT, INSERT, UPDATE, DELETE ON "SavedView" TO photo_sync_app;
