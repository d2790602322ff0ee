-- CreateEnum
CREATE TYPE "CompensationCategory" AS ENUM ('time', 'work', 'travel', 'meal', 'other');

-- CreateEnum
CREATE TYPE "CompensationUnit" AS ENUM ('hour', 'session', 'review', 'draft', 'km', 'receipt');

-- CreateEnum
CREATE TYPE "PayoutRoute" AS ENUM ('person', 'organisation');

-- CreateEnum
CREATE TYPE "LedgerEventKind" AS ENUM ('confirmed', 'adjusted', 'disputed', 'approved', 'paid');

-- CreateEnum
CREATE TYPE "VaultField" AS ENUM ('legal_name', 'address', 'iban');

-- CreateTable
CREATE TABLE "CompensationPolicy" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "hourRateCents" INTEGER NOT NULL,
    "sessionRateCents" INTEGER NOT NULL,
    "reviewRateCents" INTEGER NOT NULL,
    "draftRateCents" INTEGER NOT NULL,
    "kmRateCents" INTEGER NOT NULL,
    "timeCapCents" INTEGER,
    "workCapCents" INTEGER,
    "travelCapCents" INTEGER,
    "mealCapCents" INTEGER,
    "otherCapCents" INTEGER,
    "budgetCents" INTEGER NOT NULL,
    "budgetSource" TEXT NOT NULL DEFAULT '',
    "showPartyTotals" BOOLEAN NOT NULL DEFAULT false,
    "setBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompensationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "partyId" UUID,
    "policyId" UUID NOT NULL,
    "meetingId" UUID,
    "category" "CompensationCategory" NOT NULL,
    "unit" "CompensationUnit" NOT NULL,
    "quantityHundredths" INTEGER NOT NULL,
    "rateCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "occurredOn" DATE NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "payoutRoute" "PayoutRoute" NOT NULL,
    "reversesId" UUID,
    "createdBy" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEvent" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "kind" "LedgerEventKind" NOT NULL,
    "quantityHundredths" INTEGER,
    "amountCents" INTEGER,
    "payoutRoute" "PayoutRoute",
    "note" TEXT NOT NULL DEFAULT '',
    "recordedBy" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VaultValue" (
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "field" "VaultField" NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VaultValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompensationPolicy_tableId_validFrom_idx" ON "CompensationPolicy"("tableId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerEntry_tableId_occurredOn_idx" ON "LedgerEntry"("tableId", "occurredOn");

-- CreateIndex
CREATE INDEX "LedgerEntry_membershipId_idx" ON "LedgerEntry"("membershipId");

-- CreateIndex
CREATE INDEX "LedgerEvent_entryId_createdAt_idx" ON "LedgerEvent"("entryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VaultValue_membershipId_field_key" ON "VaultValue"("membershipId", "field");

-- AddForeignKey
ALTER TABLE "CompensationPolicy" ADD CONSTRAINT "CompensationPolicy_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "CompensationPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEvent" ADD CONSTRAINT "LedgerEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VaultValue" ADD CONSTRAINT "VaultValue_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The ledger is append-only: entries, their events and the policy versions they priced with are
-- never changed or removed, not even by a direct query. Corrections are reversal entries, status
-- changes are events. The vault is not covered: retention and erasure delete from it.
CREATE TRIGGER "CompensationPolicy_immutable" BEFORE UPDATE OR DELETE ON "CompensationPolicy"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "CompensationPolicy_no_truncate" BEFORE TRUNCATE ON "CompensationPolicy"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "LedgerEntry_immutable" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "LedgerEvent_immutable" BEFORE UPDATE OR DELETE ON "LedgerEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "LedgerEvent_no_truncate" BEFORE TRUNCATE ON "LedgerEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
