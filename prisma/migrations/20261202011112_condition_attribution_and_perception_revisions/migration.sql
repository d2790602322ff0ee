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

