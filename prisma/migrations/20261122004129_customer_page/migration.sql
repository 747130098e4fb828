-- The customer's page (issue 8): "customer replied" on the case, agent notes the customer may see,
-- and request counters for rate limits shared by every instance.

-- Set by a customer's report, cleared when staff next act on the case (lib/cases/customer-reply.ts).
ALTER TABLE "Case" ADD COLUMN     "customerRepliedAt" TIMESTAMPTZ(3);
CREATE INDEX "Case_tenantId_customerRepliedAt_idx" ON "Case"("tenantId", "customerRepliedAt");

-- Existing notes were written for staff only: they stay hidden from customers.
ALTER TABLE "TriedStep" ADD COLUMN     "noteVisibleToCustomer" BOOLEAN NOT NULL DEFAULT false;

-- rate-limiter-flexible's PostgreSQL layout (lib/rate-limit/). Not tenant data: keys are link ids,
-- hashes and addresses, so no row-level security; the application role only counts in it.
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limit" TO photo_sync_app;
