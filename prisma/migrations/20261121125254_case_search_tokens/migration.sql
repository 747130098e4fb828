-- Text search on a token table instead of Case.searchText LIKE '%q%' (docs/decisions/0006-text-search-under-rls.md).
-- Under RLS the app role's LIKE could not use the trigram index (textlike is not LEAKPROOF), so it
-- scanned every case; a word prefix is a btree range on CaseSearchToken's primary key instead.
-- pg_trgm is left installed: harmless, and dropping it needs its owner, who may not be the migrator.

-- DropIndex
DROP INDEX "Case_searchText_idx";

-- AlterTable
ALTER TABLE "Case" DROP COLUMN "searchText";

-- CreateTable
CREATE TABLE "CaseSearchToken" (
    "tenantId" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "caseId" UUID NOT NULL,

    CONSTRAINT "CaseSearchToken_pkey" PRIMARY KEY ("tenantId","token","caseId")
);

-- Byte order, so the range [word, prefixUpperBound(word)) is exactly "starts with word" whatever
-- the database's default collation (lib/cases/search-tokens.ts). Prisma cannot express a column
-- collation; its diff does not compare them. Rebuilds the (empty) primary key with "C".
ALTER TABLE "CaseSearchToken" ALTER COLUMN "token" SET DATA TYPE TEXT COLLATE "C";

-- CreateIndex
CREATE INDEX "CaseSearchToken_tenantId_caseId_token_idx" ON "CaseSearchToken"("tenantId", "caseId", "token");

-- AddForeignKey
ALTER TABLE "CaseSearchToken" ADD CONSTRAINT "CaseSearchToken_tenantId_caseId_fkey" FOREIGN KEY ("tenantId", "caseId") REFERENCES "Case"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing cases: tokens from the same sources, normalised as in lib/cases/search-tokens.ts as far
-- as SQL allows (lower, NFKD, combining marks removed, split on non-alphanumerics, capped at 64).
-- The migrator owns the tables but FORCE makes RLS apply to it too (with no tenant set it would see
-- no rows), so FORCE is lifted for the backfill and restored; the script runs as one transaction.
ALTER TABLE "Case" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "Customer" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "Device" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "CaseSearchToken" ("tenantId", "caseId", "token")
SELECT DISTINCT c."tenantId", c."id", left(w.word, 64)
FROM "Case" c
JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu."id" = c."customerId"
CROSS JOIN LATERAL regexp_split_to_table(
  regexp_replace(normalize(lower(
    concat_ws(' ', cu."name", cu."email", 'pst-' || c."number",
              (SELECT string_agg(d."model", ' ') FROM "Device" d WHERE d."tenantId" = c."tenantId" AND d."caseId" = c."id"))
  ), NFKD), '[\u0300-\u036f]', '', 'g'),
  '[^[:alnum:]]+') AS w(word)
WHERE w.word <> '';
ALTER TABLE "Case" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Customer" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Device" FORCE ROW LEVEL SECURITY;

-- Tenant isolation, as for every tenant table (20261121124000_row_level_security).
ALTER TABLE "CaseSearchToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CaseSearchToken" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CaseSearchToken"
  USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- A case's tokens are replaced as a whole (delete + insert), never updated.
GRANT SELECT, INSERT, DELETE ON "CaseSearchToken" TO photo_sync_app;
