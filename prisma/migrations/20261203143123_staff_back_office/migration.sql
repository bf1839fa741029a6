-- AlterTable
ALTER TABLE "IntegrityRecord" ADD COLUMN "penaltyLastDay" DATETIME;
ALTER TABLE "IntegrityRecord" ADD COLUMN "withdrawalReason" TEXT;
ALTER TABLE "IntegrityRecord" ADD COLUMN "withdrawnAt" DATETIME;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "clientIp" TEXT;

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "clientIp" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "StaffSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DrawingReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "reviewAgency" TEXT NOT NULL,
    "result" TEXT NOT NULL DEFAULT '合格',
    "issueCount" INTEGER NOT NULL DEFAULT 0,
    "passedOn" DATETIME NOT NULL,
    "authorityId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    CONSTRAINT "DrawingReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrawingReview_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_DrawingReview" ("authorityId", "certificateNumber", "id", "passedOn", "projectId", "reviewAgency", "status") SELECT "authorityId", "certificateNumber", "id", "passedOn", "projectId", "reviewAgency", "status" FROM "DrawingReview";
DROP TABLE "DrawingReview";
ALTER TABLE "new_DrawingReview" RENAME TO "DrawingReview";
CREATE UNIQUE INDEX "DrawingReview_certificateNumber_key" ON "DrawingReview"("certificateNumber");
CREATE INDEX "DrawingReview_projectId_idx" ON "DrawingReview"("projectId");
CREATE INDEX "DrawingReview_passedOn_idx" ON "DrawingReview"("passedOn");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "authorityId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "passwordChangedAt" DATETIME,
    "totpSecret" TEXT,
    "totpEnrolledAt" DATETIME,
    "totpLastStep" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("active", "authorityId", "createdAt", "displayName", "id", "passwordHash", "role", "username") SELECT "active", "authorityId", "createdAt", "displayName", "id", "passwordHash", "role", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_userId_endedAt_idx" ON "StaffSession"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");
