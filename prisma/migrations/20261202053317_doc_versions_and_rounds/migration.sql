-- CreateEnum
CREATE TYPE "RoundSubject" AS ENUM ('problem_statement');

-- CreateEnum
CREATE TYPE "RoundAnswerValue" AS ENUM ('support', 'support_with_reservations', 'stand_aside', 'cannot_support');

-- CreateTable
CREATE TABLE "DocVersion" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "docName" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" BYTEA NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "frozenBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "subject" "RoundSubject" NOT NULL,
    "versionId" UUID,
    "rule" "DecisionRule" NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "openedBy" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedBy" UUID,
    "passed" BOOLEAN,
    "result" JSONB,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundParty" (
    "roundId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "partyType" "PartyType" NOT NULL,
    "partyName" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "finalAnswer" "RoundAnswerValue",
    "finalReason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "RoundParty_pkey" PRIMARY KEY ("roundId","partyId")
);

-- CreateTable
CREATE TABLE "RoundAnswer" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "answer" "RoundAnswerValue" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "answeredBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocVersion_tableId_idx" ON "DocVersion"("tableId");

-- CreateIndex
CREATE UNIQUE INDEX "DocVersion_docName_number_key" ON "DocVersion"("docName", "number");

-- CreateIndex
CREATE INDEX "Round_tableId_openedAt_idx" ON "Round"("tableId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Round_versionId_key" ON "Round"("versionId");

-- CreateIndex
CREATE INDEX "RoundAnswer_roundId_partyId_createdAt_idx" ON "RoundAnswer"("roundId", "partyId", "createdAt");

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundParty" ADD CONSTRAINT "RoundParty_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundAnswer" ADD CONSTRAINT "RoundAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Frozen versions and the answers given on them never change: parties endorse version N, not a
-- moving target, and an answer that was changed stays as history.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "DocVersion_immutable" BEFORE UPDATE OR DELETE ON "DocVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "RoundAnswer_immutable" BEFORE UPDATE OR DELETE ON "RoundAnswer"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
