-- DropIndex
DROP INDEX "Person_idNumber_key";

-- DropIndex
DROP INDEX "Objection_recordId_idx";

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "idNumberHash" TEXT;

-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "contactPhoneHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Person_idNumberHash_key" ON "Person"("idNumberHash");

-- CreateIndex
CREATE INDEX "Objection_recordId_contactPhoneHash_idx" ON "Objection"("recordId", "contactPhoneHash");
