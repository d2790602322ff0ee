-- DropForeignKey
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_tableId_fkey";

-- DropForeignKey
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_accountId_fkey";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "leftAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedBy" UUID;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "Table"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

