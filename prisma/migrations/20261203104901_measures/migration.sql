-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('bylaw_article', 'protocol', 'permit_condition', 'reporting_procedure', 'other');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('draft', 'impact_check', 'proposed', 'adopted', 'in_force', 'under_review', 'withdrawn');

-- CreateEnum
CREATE TYPE "ImpactDimension" AS ENUM ('safety', 'health', 'autonomy', 'privacy', 'income', 'legal_position', 'stigma');

-- CreateEnum
CREATE TYPE "ImpactEffect" AS ENUM ('positive', 'none', 'negative', 'unknown');

-- CreateEnum
CREATE TYPE "MitigationKind" AS ENUM ('change_to_measure', 'accompanying_action');

-- CreateEnum
CREATE TYPE "IndicatorValueType" AS ENUM ('count', 'percentage', 'amount_eur', 'days');

-- CreateEnum
CREATE TYPE "ReportingFrequency" AS ENUM ('monthly', 'quarterly', 'half_yearly', 'yearly');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('keep', 'change', 'withdraw');

-- CreateEnum
CREATE TYPE "ReviewVerdict" AS ENUM ('works', 'partly', 'does_not_work', 'too_early');



-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "problemVersionId" UUID,
    "responsibleBody" "IssuingBody" NOT NULL,
    "domain" TEXT NOT NULL DEFAULT '',
    "status" "MeasureStatus" NOT NULL DEFAULT 'draft',
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureFact" (
    "measureId" UUID NOT NULL,
    "factId" UUID NOT NULL,

    CONSTRAINT "MeasureFact_pkey" PRIMARY KEY ("measureId","factId")
);

-- CreateTable
CREATE TABLE "MeasureStatusChange" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "fromStatus" "MeasureStatus" NOT NULL,
    "toStatus" "MeasureStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "override" BOOLEAN NOT NULL DEFAULT false,
    "changedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureAdoption" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "body" "IssuingBody" NOT NULL,
    "reference" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "effectiveOn" DATE,
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureAdoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactCheck" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "openedBy" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImpactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactCheckParty" (
    "checkId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "partyType" "PartyType" NOT NULL,
    "partyName" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ImpactCheckParty_pkey" PRIMARY KEY ("checkId","partyId")
);

-- CreateTable
CREATE TABLE "ImpactResponse" (
    "id" UUID NOT NULL,
    "checkId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "declined" BOOLEAN NOT NULL DEFAULT false,
    "declineReason" TEXT NOT NULL DEFAULT '',
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImpactResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactAssessment" (
    "id" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "dimension" "ImpactDimension" NOT NULL,
    "effect" "ImpactEffect" NOT NULL,
    "forWhom" TEXT NOT NULL DEFAULT '',
    "reasoning" TEXT NOT NULL DEFAULT '',
    "factIds" UUID[] DEFAULT ARRAY[]::UUID[],

    CONSTRAINT "ImpactAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mitigation" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "checkId" UUID NOT NULL,
    "kind" "MitigationKind" NOT NULL,
    "dimension" "ImpactDimension" NOT NULL,
    "text" TEXT NOT NULL,
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedBy" UUID,

    CONSTRAINT "Mitigation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringIndicator" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "valueType" "IndicatorValueType" NOT NULL,
    "baselineFactId" UUID,
    "baselineValue" DOUBLE PRECISION,
    "reporterPartyId" UUID NOT NULL,
    "frequency" "ReportingFrequency" NOT NULL,
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MonitoringIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureEvaluator" (
    "measureId" UUID NOT NULL,
    "partyId" UUID NOT NULL,

    CONSTRAINT "MeasureEvaluator_pkey" PRIMARY KEY ("measureId","partyId")
);

-- CreateTable
CREATE TABLE "MeasureReview" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "scheduledFor" DATE NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "openedBy" UUID,
    "outcome" "ReviewOutcome",
    "outcomeNote" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" UUID,
    "createdBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "reviewId" UUID,
    "measuredOn" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssessment" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "verdict" "ReviewVerdict" NOT NULL,
    "safety" "ImpactEffect" NOT NULL,
    "health" "ImpactEffect" NOT NULL,
    "autonomy" "ImpactEffect" NOT NULL,
    "reasoning" TEXT NOT NULL DEFAULT '',
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Measure_tableId_createdAt_idx" ON "Measure"("tableId", "createdAt");

-- CreateIndex
CREATE INDEX "MeasureStatusChange_measureId_createdAt_idx" ON "MeasureStatusChange"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "MeasureAdoption_measureId_createdAt_idx" ON "MeasureAdoption"("measureId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactCheck_versionId_key" ON "ImpactCheck"("versionId");

-- CreateIndex
CREATE INDEX "ImpactCheck_measureId_openedAt_idx" ON "ImpactCheck"("measureId", "openedAt");

-- CreateIndex
CREATE INDEX "ImpactResponse_checkId_partyId_createdAt_idx" ON "ImpactResponse"("checkId", "partyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactAssessment_responseId_dimension_key" ON "ImpactAssessment"("responseId", "dimension");

-- CreateIndex
CREATE INDEX "Mitigation_measureId_idx" ON "Mitigation"("measureId");

-- CreateIndex
CREATE INDEX "MonitoringIndicator_measureId_idx" ON "MonitoringIndicator"("measureId");

-- CreateIndex
CREATE INDEX "MeasureReview_measureId_scheduledFor_idx" ON "MeasureReview"("measureId", "scheduledFor");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_measuredOn_idx" ON "IndicatorValue"("indicatorId", "measuredOn");

-- CreateIndex
CREATE INDEX "ReviewAssessment_reviewId_partyId_createdAt_idx" ON "ReviewAssessment"("reviewId", "partyId", "createdAt");

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureFact" ADD CONSTRAINT "MeasureFact_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureStatusChange" ADD CONSTRAINT "MeasureStatusChange_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureAdoption" ADD CONSTRAINT "MeasureAdoption_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactCheck" ADD CONSTRAINT "ImpactCheck_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactCheckParty" ADD CONSTRAINT "ImpactCheckParty_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ImpactCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactResponse" ADD CONSTRAINT "ImpactResponse_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ImpactCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "ImpactResponse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mitigation" ADD CONSTRAINT "Mitigation_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mitigation" ADD CONSTRAINT "Mitigation_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ImpactCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringIndicator" ADD CONSTRAINT "MonitoringIndicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureEvaluator" ADD CONSTRAINT "MeasureEvaluator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReview" ADD CONSTRAINT "MeasureReview_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "MonitoringIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "MeasureReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssessment" ADD CONSTRAINT "ReviewAssessment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "MeasureReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Decisions, answers and measured values are records: a correction adds a row, nothing is changed
-- or deleted (refuse_change comes from the doc_versions_and_rounds migration).
CREATE TRIGGER "MeasureStatusChange_immutable" BEFORE UPDATE OR DELETE ON "MeasureStatusChange"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "MeasureAdoption_immutable" BEFORE UPDATE OR DELETE ON "MeasureAdoption"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ImpactResponse_immutable" BEFORE UPDATE OR DELETE ON "ImpactResponse"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ImpactAssessment_immutable" BEFORE UPDATE OR DELETE ON "ImpactAssessment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "IndicatorValue_immutable" BEFORE UPDATE OR DELETE ON "IndicatorValue"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "ReviewAssessment_immutable" BEFORE UPDATE OR DELETE ON "ReviewAssessment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
