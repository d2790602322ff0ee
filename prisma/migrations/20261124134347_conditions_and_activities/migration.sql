-- CreateEnum
CREATE TYPE "ConditionAnswerValue" AS ENUM ('met', 'partly', 'not_met', 'not_applicable');

-- CreateTable
CREATE TABLE "ConditionAnswer" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "phaseId" UUID,
    "partyId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "answer" "ConditionAnswerValue" NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "assessedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipationActivity" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "phaseId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "form" "ParticipationForm" NOT NULL,
    "ownerPartyId" UUID NOT NULL,
    "guestPartyIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParticipationActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConditionAnswer_tableId_item_idx" ON "ConditionAnswer"("tableId", "item");

-- CreateIndex
CREATE INDEX "ParticipationActivity_tableId_phaseId_idx" ON "ParticipationActivity"("tableId", "phaseId");

