-- A closed table can be archived: the record stays, the personal data it still held goes.

-- AlterTable
ALTER TABLE "Table" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);
