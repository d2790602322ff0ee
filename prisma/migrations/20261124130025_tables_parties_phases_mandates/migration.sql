-- CreateEnum
CREATE TYPE "TableStatus" AS ENUM ('in_preparation', 'active', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "DecisionRule" AS ENUM ('all_or_most', 'consent', 'unanimity');

-- CreateEnum
CREATE TYPE "PartyType" AS ENUM ('sex_worker_organisation', 'sex_workers_individual', 'municipality_department', 'council', 'police', 'public_health', 'care_support', 'operators', 'residents', 'researchers', 'other');

-- CreateEnum
CREATE TYPE "Representation" AS ENUM ('delegates', 'pseudonymous_individuals', 'organisation_for_members');

-- CreateEnum
CREATE TYPE "IssuingBody" AS ENUM ('council', 'college', 'mayor', 'alderman', 'board');

-- CreateEnum
CREATE TYPE "DecisionPower" AS ENUM ('advisory', 'binding_recommendation', 'co_decision', 'delegated_decision');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('proposed', 'committed', 'breached', 'withdrawn');

-- AlterTable
ALTER TABLE "Table" ADD COLUMN     "currentPhaseId" UUID,
ADD COLUMN     "decisionRule" "DecisionRule" NOT NULL DEFAULT 'all_or_most',
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY['nl']::TEXT[],
ADD COLUMN     "municipality" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "policyQuestion" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publicSummary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "region" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "TableStatus" NOT NULL DEFAULT 'in_preparation',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "partyId" UUID,
ADD COLUMN     "vouchedByPartyId" UUID;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "partyId" UUID,
ADD COLUMN     "vouched" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Party" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "type" "PartyType" NOT NULL,
    "name" TEXT NOT NULL,
    "represents" TEXT NOT NULL DEFAULT '',
    "representation" "Representation" NOT NULL DEFAULT 'delegates',
    "hasDecisionPower" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "deliverables" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE,
    "endsOn" DATE,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MandateVersion" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "issuingBody" "IssuingBody" NOT NULL,
    "decisionReference" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "domains" TEXT[],
    "decisionPower" "DecisionPower" NOT NULL,
    "issuerCommitment" TEXT NOT NULL DEFAULT '',
    "termStart" DATE NOT NULL,
    "termEnd" DATE NOT NULL,
    "reviewDate" DATE,
    "officials" JSONB NOT NULL DEFAULT '[]',
    "attachments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "amendmentNote" TEXT NOT NULL DEFAULT '',
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MandateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'proposed',
    "breachNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChairDeclaration" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "appointedBy" UUID NOT NULL,
    "declaredTies" TEXT NOT NULL DEFAULT '',
    "noPoliticalOffice" BOOLEAN NOT NULL,
    "noPartyDelegate" BOOLEAN NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChairDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Party_tableId_idx" ON "Party"("tableId");

-- CreateIndex
CREATE INDEX "Phase_tableId_position_idx" ON "Phase"("tableId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MandateVersion_tableId_version_key" ON "MandateVersion"("tableId", "version");

-- CreateIndex
CREATE INDEX "Commitment_tableId_idx" ON "Commitment"("tableId");

-- CreateIndex
CREATE INDEX "ChairDeclaration_tableId_idx" ON "ChairDeclaration"("tableId");

-- CreateIndex
CREATE INDEX "Table_municipality_idx" ON "Table"("municipality");

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MandateVersion" ADD CONSTRAINT "MandateVersion_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChairDeclaration" ADD CONSTRAINT "ChairDeclaration_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE SET NULL ON UPDATE CASCADE;

