-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "permitId" TEXT,
    "completionFilingId" TEXT,
    "projectCode" TEXT NOT NULL,
    "holderUscc" TEXT NOT NULL,
    "issuedOn" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'VALID',
    "statusChangedAt" DATETIME,
    "statusReason" TEXT,
    "supersededById" TEXT,
    "keyId" TEXT,
    "signature" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Certificate_permitId_fkey" FOREIGN KEY ("permitId") REFERENCES "ConstructionPermit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Certificate_completionFilingId_fkey" FOREIGN KEY ("completionFilingId") REFERENCES "CompletionFiling" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Certificate" ("completionFilingId", "createdAt", "holderUscc", "id", "issuedOn", "keyId", "permitId", "projectCode", "serial", "signature", "status", "statusChangedAt", "statusReason", "supersededById", "type", "validUntil") SELECT "completionFilingId", "createdAt", "holderUscc", "id", "issuedOn", "keyId", "permitId", "projectCode", "serial", "signature", "status", "statusChangedAt", "statusReason", "supersededById", "type", "validUntil" FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");
CREATE UNIQUE INDEX "Certificate_permitId_key" ON "Certificate"("permitId");
CREATE UNIQUE INDEX "Certificate_completionFilingId_key" ON "Certificate"("completionFilingId");
CREATE INDEX "Certificate_projectCode_idx" ON "Certificate"("projectCode");
CREATE INDEX "Certificate_type_issuedOn_idx" ON "Certificate"("type", "issuedOn");
CREATE INDEX "Certificate_status_serial_idx" ON "Certificate"("status", "serial");
CREATE TABLE "new_CertificateStatusList" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "signedNote" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL
);
INSERT INTO "new_CertificateStatusList" ("id", "issuedAt", "signedNote", "validUntil") SELECT "id", "issuedAt", "signedNote", "validUntil" FROM "CertificateStatusList";
DROP TABLE "CertificateStatusList";
ALTER TABLE "new_CertificateStatusList" RENAME TO "CertificateStatusList";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- A stored list is in the v1 text (indexed by the dropped statusIndex): dropped, so nothing serves it;
-- the staff instance signs a v2 list at start-up (no list = due), or run npm run log:refresh-status-list.
DELETE FROM "CertificateStatusList";
