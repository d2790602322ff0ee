-- CreateEnum
CREATE TYPE "FactStatus" AS ENUM ('proposed', 'under_discussion', 'agreed', 'agreed_to_disagree', 'retired');

-- CreateEnum
CREATE TYPE "FactValueKind" AS ENUM ('count', 'range', 'share', 'ratio', 'change', 'categorical', 'zero', 'qualitative');

-- CreateEnum
CREATE TYPE "FactQualifier" AS ENUM ('about', 'at_least', 'at_most', 'more_than', 'almost', 'estimate', 'average', 'typical', 'exactly', 'in_words');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('registration', 'survey', 'estimate', 'expert_opinion', 'case_files', 'interviews', 'count', 'model', 'literature_review', 'regulation', 'claim');

-- CreateEnum
CREATE TYPE "FactStance" AS ENUM ('accepts', 'accepts_with_caveat', 'disputes', 'no_position');

-- CreateEnum
CREATE TYPE "FactLinkType" AS ENUM ('contradicts', 'corroborates', 'same_data_different_denominator', 'same_source_read_differently', 'definition_changed', 'supersedes', 'scope_differs', 'part_of', 'derived_from');

-- CreateTable
CREATE TABLE "Fact" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'nl',
    "topic" TEXT NOT NULL DEFAULT '',
    "valueKind" "FactValueKind" NOT NULL,
    "valuePoint" DOUBLE PRECISION,
    "valueLow" DOUBLE PRECISION,
    "valueHigh" DOUBLE PRECISION,
    "qualifier" "FactQualifier",
    "valueDisplay" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL DEFAULT '',
    "percentage" BOOLEAN NOT NULL DEFAULT false,
    "numeratorDescription" TEXT NOT NULL DEFAULT '',
    "numeratorCount" INTEGER,
    "denominatorDescription" TEXT NOT NULL DEFAULT '',
    "denominatorCount" INTEGER,
    "denominatorUnknown" BOOLEAN NOT NULL DEFAULT false,
    "sampleSize" INTEGER,
    "unknownShare" DOUBLE PRECISION,
    "unknownShareDescription" TEXT NOT NULL DEFAULT '',
    "breakdown" JSONB NOT NULL DEFAULT '[]',
    "countedObject" TEXT NOT NULL DEFAULT '',
    "definitionUsed" TEXT NOT NULL DEFAULT '',
    "referencePeriod" TEXT NOT NULL DEFAULT '',
    "periodKind" TEXT NOT NULL DEFAULT '',
    "publication" TEXT NOT NULL DEFAULT '',
    "timeAmbiguity" TEXT NOT NULL DEFAULT '',
    "geography" TEXT NOT NULL DEFAULT '',
    "sectorScope" TEXT NOT NULL DEFAULT '',
    "evidenceKind" "EvidenceKind" NOT NULL,
    "methodDescription" TEXT NOT NULL DEFAULT '',
    "assumptions" JSONB NOT NULL DEFAULT '[]',
    "weaknesses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sourceTitle" TEXT NOT NULL DEFAULT '',
    "sourceLocator" TEXT NOT NULL DEFAULT '',
    "originalSource" TEXT NOT NULL DEFAULT '',
    "citationChain" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "caveats" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "frameNote" TEXT NOT NULL DEFAULT '',
    "citationWording" TEXT NOT NULL DEFAULT '',
    "status" "FactStatus" NOT NULL DEFAULT 'proposed',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "proposedBy" UUID NOT NULL,
    "proposedByPartyId" UUID,
    "starterId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactRevision" (
    "id" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "editedBy" UUID NOT NULL,
    "partyId" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactPosition" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "stance" "FactStance" NOT NULL,
    "reasoning" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL,
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactStatusChange" (
    "id" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "from" "FactStatus" NOT NULL,
    "to" "FactStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "wording" TEXT NOT NULL DEFAULT '',
    "result" JSONB,
    "by" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactLink" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "fromFactId" UUID NOT NULL,
    "toFactId" UUID NOT NULL,
    "type" "FactLinkType" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdBy" UUID NOT NULL,
    "createdByPartyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedBy" UUID,

    CONSTRAINT "FactLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactQuestion" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "assigneePartyId" UUID,
    "assigneeNote" TEXT NOT NULL DEFAULT '',
    "dueOn" DATE,
    "sourceRef" TEXT,
    "createdBy" UUID NOT NULL,
    "createdByPartyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnBy" UUID,

    CONSTRAINT "FactQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactAnswer" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "factIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "answeredBy" UUID NOT NULL,
    "partyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Fact_tableId_status_idx" ON "Fact"("tableId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_tableId_code_key" ON "Fact"("tableId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FactRevision_factId_revision_key" ON "FactRevision"("factId", "revision");

-- CreateIndex
CREATE INDEX "FactPosition_factId_partyId_createdAt_idx" ON "FactPosition"("factId", "partyId", "createdAt");

-- CreateIndex
CREATE INDEX "FactPosition_tableId_idx" ON "FactPosition"("tableId");

-- CreateIndex
CREATE INDEX "FactStatusChange_factId_createdAt_idx" ON "FactStatusChange"("factId", "createdAt");

-- CreateIndex
CREATE INDEX "FactLink_tableId_idx" ON "FactLink"("tableId");

-- CreateIndex
CREATE INDEX "FactQuestion_tableId_idx" ON "FactQuestion"("tableId");

-- CreateIndex
CREATE INDEX "FactAnswer_questionId_createdAt_idx" ON "FactAnswer"("questionId", "createdAt");

-- AddForeignKey
ALTER TABLE "FactRevision" ADD CONSTRAINT "FactRevision_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactPosition" ADD CONSTRAINT "FactPosition_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactStatusChange" ADD CONSTRAINT "FactStatusChange_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactLink" ADD CONSTRAINT "FactLink_fromFactId_fkey" FOREIGN KEY ("fromFactId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactLink" ADD CONSTRAINT "FactLink_toFactId_fkey" FOREIGN KEY ("toFactId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactAnswer" ADD CONSTRAINT "FactAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "FactQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

