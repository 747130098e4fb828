-- Trigram search over Case.searchText (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('agent', 'supervisor', 'admin');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('open', 'waiting_on_customer', 'escalation_review', 'escalated', 'resolved');

-- CreateEnum
CREATE TYPE "AppleSystemStatus" AS ENUM ('ok', 'outage', 'unknown');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('iphone', 'ipad', 'mac', 'windows');

-- CreateEnum
CREATE TYPE "StorageMode" AS ENUM ('optimize', 'originals');

-- CreateEnum
CREATE TYPE "NetworkKind" AS ENUM ('wifi', 'cellular', 'hotspot', 'captive_portal', 'none');

-- CreateEnum
CREATE TYPE "StatusMessageKind" AS ENUM ('paused', 'waiting_to_upload', 'updating', 'syncing', 'uploading', 'other');

-- CreateEnum
CREATE TYPE "Symptom" AS ENUM ('photo_not_on_other_device', 'stuck_waiting_to_upload', 'blurry_thumbnails', 'shared_album_missing', 'items_missing', 'edits_not_syncing', 'windows_thumbnails_missing', 'slow_upload', 'library_count_mismatch');

-- CreateEnum
CREATE TYPE "StepOutcome" AS ENUM ('resolved', 'no_change', 'worse', 'not_applicable', 'skipped');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('user', 'api_token', 'customer', 'system');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "caseSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("tenantId","userId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Case" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "customerId" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'open',
    "assigneeId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "problemSince" TIMESTAMPTZ(3) NOT NULL,
    "appleIdConsistent" BOOLEAN,
    "appleSystemStatus" "AppleSystemStatus" NOT NULL DEFAULT 'unknown',
    "libraryItemCount" INTEGER,
    "librarySizeGb" DOUBLE PRECISION,
    "libraryHasLargeFiles" BOOLEAN,
    "icloudTotalGb" DOUBLE PRECISION,
    "icloudFreeGb" DOUBLE PRECISION,
    "symptoms" "Symptom"[],
    "platforms" "Platform"[],
    "escalationReadyAt" TIMESTAMPTZ(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "appleCaseNumber" TEXT,
    "escalationReturnNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Device" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "platform" "Platform" NOT NULL,
    "model" TEXT,
    "osVersion" TEXT,
    "icloudForWindowsVersion" TEXT,
    "icloudPhotosEnabled" BOOLEAN,
    "storageMode" "StorageMode",
    "freeStorageGb" DOUBLE PRECISION,
    "lowPowerMode" BOOLEAN,
    "pluggedIn" BOOLEAN,
    "network" "NetworkKind",
    "vpn" BOOLEAN,
    "cellularDataForPhotos" BOOLEAN,
    "finderSync" BOOLEAN,
    "dateTimeAutomatic" BOOLEAN,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "StatusObservation" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "deviceKey" TEXT NOT NULL,
    "message" "StatusMessageKind" NOT NULL,
    "text" TEXT,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "screenshotId" UUID,

    CONSTRAINT "StatusObservation_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TriedStep" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "ruleId" TEXT NOT NULL,
    "outcome" "StepOutcome" NOT NULL,
    "note" TEXT,
    "triedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID,
    "actorKind" "ActorKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriedStep_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorUserId" UUID,
    "actorLabel" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "CustomerLink" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CustomerLink_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TenantRuleSettings" (
    "tenantId" UUID NOT NULL,
    "disabledRules" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "thresholds" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantRuleSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("tenantId","key")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Customer_tenantId_email_idx" ON "Customer"("tenantId", "email");

-- CreateIndex
CREATE INDEX "Case_tenantId_updatedAt_id_idx" ON "Case"("tenantId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_tenantId_createdAt_id_idx" ON "Case"("tenantId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_tenantId_problemSince_id_idx" ON "Case"("tenantId", "problemSince", "id");

-- CreateIndex
CREATE INDEX "Case_tenantId_status_updatedAt_id_idx" ON "Case"("tenantId", "status", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_tenantId_assigneeId_updatedAt_id_idx" ON "Case"("tenantId", "assigneeId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Case_tenantId_escalationReadyAt_idx" ON "Case"("tenantId", "escalationReadyAt");

-- CreateIndex
CREATE INDEX "Case_searchText_idx" ON "Case" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_tenantId_customerId_idx" ON "Case"("tenantId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_tenantId_number_key" ON "Case"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Device_tenantId_caseId_key_key" ON "Device"("tenantId", "caseId", "key");

-- CreateIndex
CREATE INDEX "StatusObservation_tenantId_caseId_idx" ON "StatusObservation"("tenantId", "caseId");

-- CreateIndex
CREATE INDEX "TriedStep_tenantId_caseId_triedAt_idx" ON "TriedStep"("tenantId", "caseId", "triedAt");

-- CreateIndex
CREATE INDEX "TriedStep_tenantId_ruleId_outcome_idx" ON "TriedStep"("tenantId", "ruleId", "outcome");

-- CreateIndex
CREATE INDEX "CaseEvent_tenantId_caseId_createdAt_idx" ON "CaseEvent"("tenantId", "caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerLink_tokenHash_key" ON "CustomerLink"("tokenHash");

-- CreateIndex
CREATE INDEX "CustomerLink_tenantId_caseId_idx" ON "CustomerLink"("tenantId", "caseId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_tenantId_createdById_fkey" FOREIGN KEY ("tenantId", "createdById") REFERENCES "Membership"("tenantId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_tenantId_assigneeId_fkey" FOREIGN KEY ("tenantId", "assigneeId") REFERENCES "Membership"("tenantId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusObservation" ADD CONSTRAINT "StatusObservation_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusObservation" ADD CONSTRAINT "StatusObservation_tenantId_screenshotId_fkey" FOREIGN KEY ("tenantId", "screenshotId") REFERENCES "Attachment"("tenantId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TriedStep" ADD CONSTRAINT "TriedStep_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TriedStep" ADD CONSTRAINT "TriedStep_tenantId_recordedById_fkey" FOREIGN KEY ("tenantId", "recordedById") REFERENCES "Membership"("tenantId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerLink" ADD CONSTRAINT "CustomerLink_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRuleSettings" ADD CONSTRAINT "TenantRuleSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
