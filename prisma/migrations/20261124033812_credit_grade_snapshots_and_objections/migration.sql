-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trackingNumber" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "personId" TEXT,
    "applicantName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "email" TEXT,
    "reasons" TEXT NOT NULL,
    "rectification" TEXT,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "statusReason" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Objection_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "IntegrityRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Objection_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Objection_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CreditGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "personId" TEXT,
    "subjectClass" TEXT NOT NULL,
    "standardVersion" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "score" REAL NOT NULL,
    "grade" TEXT NOT NULL,
    "blacklisted" BOOLEAN NOT NULL DEFAULT false,
    "listedOn" DATETIME,
    "removableOn" DATETIME,
    "blacklistGrounds" TEXT,
    "isLatest" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CreditGrade_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CreditGrade_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CreditGrade" ("asOf", "blacklisted", "computedAt", "enterpriseId", "grade", "id", "personId", "score", "standardVersion", "subjectType") SELECT "asOf", "blacklisted", "computedAt", "enterpriseId", "grade", "id", "personId", "score", "standardVersion", "subjectType" FROM "CreditGrade";
DROP TABLE "CreditGrade";
ALTER TABLE "new_CreditGrade" RENAME TO "CreditGrade";
CREATE INDEX "CreditGrade_asOf_grade_idx" ON "CreditGrade"("asOf", "grade");
CREATE INDEX "CreditGrade_isLatest_score_id_idx" ON "CreditGrade"("isLatest", "score" DESC, "id");
CREATE INDEX "CreditGrade_isLatest_subjectClass_score_id_idx" ON "CreditGrade"("isLatest", "subjectClass", "score" DESC, "id");
CREATE INDEX "CreditGrade_isLatest_grade_score_id_idx" ON "CreditGrade"("isLatest", "grade", "score" DESC, "id");
CREATE INDEX "CreditGrade_isLatest_blacklisted_listedOn_id_idx" ON "CreditGrade"("isLatest", "blacklisted", "listedOn" DESC, "id");
CREATE UNIQUE INDEX "CreditGrade_enterpriseId_asOf_key" ON "CreditGrade"("enterpriseId", "asOf");
CREATE UNIQUE INDEX "CreditGrade_personId_asOf_key" ON "CreditGrade"("personId", "asOf");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Objection_trackingNumber_key" ON "Objection"("trackingNumber");

-- CreateIndex
CREATE INDEX "Objection_recordId_idx" ON "Objection"("recordId");

-- CreateIndex
CREATE INDEX "Objection_status_submittedAt_idx" ON "Objection"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Objection_enterpriseId_idx" ON "Objection"("enterpriseId");

-- CreateIndex
CREATE INDEX "Objection_personId_idx" ON "Objection"("personId");
