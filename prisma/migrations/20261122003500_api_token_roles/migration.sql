-- API tokens carry a role (SPEC §5) and may expire. Tokens issued before roles existed acted with
-- an agent's rights; they keep exactly those rights (no token gains access by a migration).
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN "role" "Role" NOT NULL DEFAULT 'agent';
ALTER TABLE "ApiToken" ALTER COLUMN "role" DROP DEFAULT;
