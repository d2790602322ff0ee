-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('present', 'online', 'absent', 'left_early');

-- CreateEnum
CREATE TYPE "DecisionScope" AS ENUM ('within_scope', 'advisory_only');

-- CreateEnum
CREATE TYPE "AdvisoryReason" AS ENUM ('advisory_power', 'domain_not_covered', 'no_mandate');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('open', 'in_progress', 'done', 'dropped');

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "consoleRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "currentItemId" UUID,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "itemStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "openedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "agendaItemId" UUID,
ADD COLUMN     "meetingId" UUID,
ADD COLUMN     "proposal" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SpeakingTurn" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "agendaItemId" UUID,
    "membershipId" UUID,
    "guestLabel" TEXT NOT NULL DEFAULT '',
    "partyId" UUID,
    "chair" BOOLEAN NOT NULL DEFAULT false,
    "addedBy" UUID NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "SpeakingTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceMark" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "agendaItemId" UUID,
    "roundId" UUID,
    "text" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "participationForm" "ParticipationForm" NOT NULL,
    "scope" "DecisionScope" NOT NULL,
    "decisionPower" "DecisionPower",
    "advisoryReason" "AdvisoryReason",
    "mandateVersionId" UUID,
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "ownerPartyId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionStatusChange" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "changedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpeakingTurn_meetingId_raisedAt_idx" ON "SpeakingTurn"("meetingId", "raisedAt");

-- CreateIndex
CREATE INDEX "AttendanceMark_meetingId_membershipId_createdAt_idx" ON "AttendanceMark"("meetingId", "membershipId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_roundId_key" ON "Decision"("roundId");

-- CreateIndex
CREATE INDEX "Decision_tableId_createdAt_idx" ON "Decision"("tableId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_meetingId_idx" ON "Decision"("meetingId");

-- CreateIndex
CREATE INDEX "FollowUpAction_tableId_dueDate_idx" ON "FollowUpAction"("tableId", "dueDate");

-- CreateIndex
CREATE INDEX "ActionStatusChange_actionId_createdAt_idx" ON "ActionStatusChange"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "Round_meetingId_idx" ON "Round"("meetingId");

-- AddForeignKey
ALTER TABLE "SpeakingTurn" ADD CONSTRAINT "SpeakingTurn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceMark" ADD CONSTRAINT "AttendanceMark_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionStatusChange" ADD CONSTRAINT "ActionStatusChange_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "FollowUpAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A recorded decision, its actions' status history and attendance marks are never changed or
-- removed: corrections are new rows.
CREATE TRIGGER "Decision_immutable" BEFORE UPDATE OR DELETE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "ActionStatusChange_immutable" BEFORE UPDATE OR DELETE ON "ActionStatusChange"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "AttendanceMark_immutable" BEFORE UPDATE OR DELETE ON "AttendanceMark"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
