-- Each covered domain of a mandate version gets its own decision power. Every version keeps its row
-- and number; no version is added. The domains a version listed get the power it had for all of them.

-- CreateTable
CREATE TABLE "MandateDomain" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "decisionPower" "DecisionPower" NOT NULL,

    CONSTRAINT "MandateDomain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MandateDomain_versionId_domain_key" ON "MandateDomain"("versionId", "domain");

-- AddForeignKey
ALTER TABLE "MandateDomain" ADD CONSTRAINT "MandateDomain_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "MandateVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "MandateDomain" ("id", "versionId", "domain", "decisionPower")
SELECT gen_random_uuid(), listed."id", listed."domain", listed."decisionPower"
FROM (
    SELECT DISTINCT v."id", d."domain", v."decisionPower"
    FROM "MandateVersion" v CROSS JOIN LATERAL unnest(v."domains") AS d("domain")
) AS listed;

-- AlterTable
ALTER TABLE "MandateVersion" DROP COLUMN "decisionPower",
DROP COLUMN "domains";

-- A breach records who marked it and when; earlier breaches take both from their audit event.
-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "breachedAt" TIMESTAMPTZ(3),
ADD COLUMN     "breachedBy" UUID;

UPDATE "Commitment" c
SET "breachedBy" = (e."data"->>'by')::uuid, "breachedAt" = e."createdAt"
FROM (
    SELECT DISTINCT ON ("data"->>'commitment') "data", "createdAt"
    FROM "AuditEvent"
    WHERE "action" = 'commitment.breached' AND "data"->>'by' ~ '^[0-9a-f-]{36}$'
    ORDER BY "data"->>'commitment', "createdAt" DESC
) AS e
WHERE c."status" = 'breached' AND e."data"->>'commitment' = c."id"::text;

-- The party's reply to a breach, its own record beside the chair's note.
-- CreateTable
CREATE TABLE "CommitmentResponse" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "attribution" "Attribution" NOT NULL DEFAULT 'organisation',
    "respondedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommitmentResponse_commitmentId_createdAt_idx" ON "CommitmentResponse"("commitmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "CommitmentResponse" ADD CONSTRAINT "CommitmentResponse_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Vouching is the party contact's act: the contact is marked on their membership, and a vouch
-- records which contact gave it and when.
-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "partyContact" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vouchedAt" TIMESTAMPTZ(3),
ADD COLUMN     "vouchedBy" UUID;
