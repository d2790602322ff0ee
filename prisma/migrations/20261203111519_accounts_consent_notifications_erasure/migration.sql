-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('terms', 'listed_by_pseudonym', 'attribution_default');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('invitation', 'round_opened', 'check_opened', 'review_opened', 'meeting_scheduled', 'ledger_to_confirm');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "recoveryCodeHash" TEXT;

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "textVersion" TEXT NOT NULL,
    "choice" TEXT NOT NULL DEFAULT '',
    "givenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsentRecord_accountId_kind_givenAt_idx" ON "ConsentRecord"("accountId", "kind", "givenAt");

-- CreateIndex
CREATE INDEX "Notification_accountId_createdAt_idx" ON "Notification"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

