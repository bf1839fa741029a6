-- DropIndex
DROP INDEX "Certificate_statusIndex_key";

-- AlterTable
ALTER TABLE "Certificate" DROP COLUMN "statusIndex";

-- AlterTable
ALTER TABLE "CertificateStatusList" DROP COLUMN "bits";

-- CreateIndex
CREATE INDEX "Certificate_status_serial_idx" ON "Certificate"("status", "serial");

-- A stored list is in the v1 text (indexed by the dropped statusIndex): dropped, so nothing serves it;
-- the staff instance signs a v2 list at start-up (no list = due), or run npm run log:refresh-status-list.
DELETE FROM "CertificateStatusList";
