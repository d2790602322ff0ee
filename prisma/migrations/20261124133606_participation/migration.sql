-- CreateEnum
CREATE TYPE "ParticipationForm" AS ENUM ('informing', 'consultation', 'shared_decision_power', 'sex_worker_led', 'equal_combination');

-- CreateEnum
CREATE TYPE "Attribution" AS ENUM ('person', 'organisation');

-- CreateTable
CREATE TABLE "IntendedForm" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "phaseId" UUID NOT NULL,
    "form" "ParticipationForm" NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "setBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntendedForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Perception" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "phaseId" UUID NOT NULL,
    "form" "ParticipationForm" NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "attribution" "Attribution" NOT NULL DEFAULT 'organisation',
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "recordedBy" UUID NOT NULL,
    "assessedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Perception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NextMeetingItem" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "partyId" UUID,
    "phaseId" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "addedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "NextMeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntendedForm_tableId_partyId_phaseId_createdAt_idx" ON "IntendedForm"("tableId", "partyId", "phaseId", "createdAt");

-- CreateIndex
CREATE INDEX "Perception_tableId_partyId_phaseId_assessedOn_idx" ON "Perception"("tableId", "partyId", "phaseId", "assessedOn");

-- CreateIndex
CREATE INDEX "NextMeetingItem_tableId_idx" ON "NextMeetingItem"("tableId");

