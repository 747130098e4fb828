-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "escalationReturnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "escalationSubmittedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "EscalationPacket" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "caseVersion" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorUserId" UUID,
    "actorLabel" TEXT NOT NULL,
    "note" TEXT,
    "overrideReason" TEXT,
    "document" JSONB NOT NULL,

    CONSTRAINT "EscalationPacket_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "EscalationPacketScreenshot" (
    "tenantId" UUID NOT NULL,
    "packetId" UUID NOT NULL,
    "attachmentId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "EscalationPacketScreenshot_pkey" PRIMARY KEY ("tenantId","packetId","attachmentId")
);

-- CreateIndex
CREATE INDEX "EscalationPacket_tenantId_caseId_submittedAt_idx" ON "EscalationPacket"("tenantId", "caseId", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "EscalationPacketScreenshot_tenantId_attachmentId_idx" ON "EscalationPacketScreenshot"("tenantId", "attachmentId");

-- CreateIndex
CREATE INDEX "Case_tenantId_status_escalationSubmittedAt_id_idx" ON "Case"("tenantId", "status", "escalationSubmittedAt", "id");

-- AddForeignKey
ALTER TABLE "EscalationPacket" ADD CONSTRAINT "EscalationPacket_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationPacketScreenshot" ADD CONSTRAINT "EscalationPacketScreenshot_tenantId_packetId_fkey" FOREIGN KEY ("tenantId", "packetId") REFERENCES "EscalationPacket"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationPacketScreenshot" ADD CONSTRAINT "EscalationPacketScreenshot_tenantId_attachmentId_fkey" FOREIGN KEY ("tenantId", "attachmentId") REFERENCES "Attachment"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- Hand-written (docs/decisions/0001, 0010, 0011) ----

-- Cases already awaiting review before this migration (set by hand, no submission recorded) queue
-- by their last change.
UPDATE "Case" SET "escalationSubmittedAt" = "updatedAt" WHERE "status" = 'escalation_review';

-- Tenant isolation, as on every tenant table.
ALTER TABLE "EscalationPacket" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EscalationPacket" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "EscalationPacket"
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "EscalationPacketScreenshot" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EscalationPacketScreenshot" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "EscalationPacketScreenshot"
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- A frozen packet is history: the application may read and add, never rewrite or remove.
GRANT SELECT, INSERT ON "EscalationPacket", "EscalationPacketScreenshot" TO photo_sync_app;

CREATE OR REPLACE FUNCTION refuse_rewriting_history() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER escalation_packet_append_only BEFORE UPDATE OR DELETE ON "EscalationPacket"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER escalation_packet_screenshot_append_only BEFORE UPDATE OR DELETE ON "EscalationPacketScreenshot"
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();

-- A screenshot's bytes never change once stored (a packet cites them by SHA-256); only tying an
-- unclaimed upload to its case is an allowed update.
CREATE OR REPLACE FUNCTION attachment_bytes_are_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."data" IS DISTINCT FROM OLD."data" OR NEW."sha256" IS DISTINCT FROM OLD."sha256"
     OR NEW."contentType" IS DISTINCT FROM OLD."contentType" OR NEW."sizeBytes" IS DISTINCT FROM OLD."sizeBytes"
     OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId" OR NEW."id" IS DISTINCT FROM OLD."id"
     OR (OLD."caseId" IS NOT NULL AND NEW."caseId" IS DISTINCT FROM OLD."caseId") THEN
    RAISE EXCEPTION 'Attachment % is immutable: only an unclaimed upload may be tied to a case', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER attachment_immutable BEFORE UPDATE ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION attachment_bytes_are_immutable();
