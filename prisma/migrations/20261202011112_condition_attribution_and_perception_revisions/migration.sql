-- AlterTable
ALTER TABLE "ConditionAnswer" ADD COLUMN     "attribution" "Attribution" NOT NULL DEFAULT 'organisation',
ADD COLUMN     "ownerRole" "Role",
ALTER COLUMN "partyId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PerceptionRevision" (
    "id" UUID NOT NULL,
    "perceptionId" UUID NOT NULL,
    "form" "ParticipationForm" NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "confidential" BOOLEAN NOT NULL,
    "assessedOn" DATE NOT NULL,
    "writtenAt" TIMESTAMPTZ(3) NOT NULL,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PerceptionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PerceptionRevision_perceptionId_replacedAt_idx" ON "PerceptionRevision"("perceptionId", "replacedAt");

-- AddForeignKey
ALTER TABLE "PerceptionRevision" ADD CONSTRAINT "PerceptionRevision_perceptionId_fkey" FOREIGN KEY ("perceptionId") REFERENCES "Perception"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Answers a chair or facilitator gave in a party's column were never that party's: they become
-- that process owner's own answers, shown under their role.
UPDATE "ConditionAnswer" AS a
SET "ownerRole" = m."role", "partyId" = NULL
FROM "Membership" AS m
WHERE m."id" = a."assessedBy" AND a."partyId" IS NOT NULL AND m."role" IN ('chair', 'facilitator');
