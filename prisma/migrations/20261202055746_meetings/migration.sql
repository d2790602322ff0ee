-- CreateEnum
CREATE TYPE "PollAnswer" AS ENUM ('yes', 'if_need_be', 'no');

-- CreateEnum
CREATE TYPE "AgendaPurpose" AS ENUM ('inform', 'discuss', 'decide');

-- CreateTable
CREATE TABLE "MeetingPoll" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedBy" UUID,
    "meetingId" UUID,

    CONSTRAINT "MeetingPoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollSlot" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PollSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollSlotAnswer" (
    "id" UUID NOT NULL,
    "slotId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "answer" "PollAnswer" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollSlotAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "onlineLink" TEXT NOT NULL DEFAULT '',
    "languages" TEXT[],
    "interpretation" TEXT NOT NULL DEFAULT '',
    "accessibilityNotes" TEXT NOT NULL DEFAULT '',
    "safetyNotes" TEXT NOT NULL DEFAULT '',
    "compensatesTravel" BOOLEAN NOT NULL DEFAULT false,
    "compensatesMeals" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingReply" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "attending" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" "AgendaPurpose" NOT NULL,
    "timeboxMinutes" INTEGER NOT NULL,
    "proposedByPartyId" UUID,
    "createdBy" UUID NOT NULL,
    "nextMeetingItemId" UUID,
    "factId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedBy" UUID,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingPoll_meetingId_key" ON "MeetingPoll"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingPoll_tableId_idx" ON "MeetingPoll"("tableId");

-- CreateIndex
CREATE INDEX "PollSlot_pollId_idx" ON "PollSlot"("pollId");

-- CreateIndex
CREATE INDEX "PollSlotAnswer_slotId_membershipId_createdAt_idx" ON "PollSlotAnswer"("slotId", "membershipId", "createdAt");

-- CreateIndex
CREATE INDEX "Meeting_tableId_startsAt_idx" ON "Meeting"("tableId", "startsAt");

-- CreateIndex
CREATE INDEX "MeetingReply_meetingId_membershipId_createdAt_idx" ON "MeetingReply"("meetingId", "membershipId", "createdAt");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- AddForeignKey
ALTER TABLE "PollSlot" ADD CONSTRAINT "PollSlot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "MeetingPoll"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollSlotAnswer" ADD CONSTRAINT "PollSlotAnswer_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "PollSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReply" ADD CONSTRAINT "MeetingReply_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

