-- CreateEnum
CREATE TYPE "ObjectionKind" AS ENUM ('OBJECTION', 'REPAIR');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED');

-- DropIndex
DROP INDEX "CreditGrade_enterpriseId_asOf_idx";

-- DropIndex
DROP INDEX "CreditGrade_personId_asOf_idx";

-- AlterTable
ALTER TABLE "CreditGrade" ADD COLUMN     "blacklistGrounds" TEXT,
ADD COLUMN     "isLatest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "listedOn" TIMESTAMP(3),
ADD COLUMN     "removableOn" TIMESTAMP(3),
ADD COLUMN     "subjectClass" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "kind" "ObjectionKind" NOT NULL,
    "recordId" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "enterpriseId" TEXT,
    "personId" TEXT,
    "applicantName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "email" TEXT,
    "reasons" TEXT NOT NULL,
    "rectification" TEXT,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "statusReason" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "CreditGrade_isLatest_score_id_idx" ON "CreditGrade"("isLatest", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "CreditGrade_isLatest_subjectClass_score_id_idx" ON "CreditGrade"("isLatest", "subjectClass", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "CreditGrade_isLatest_grade_score_id_idx" ON "CreditGrade"("isLatest", "grade", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "CreditGrade_isLatest_blacklisted_listedOn_id_idx" ON "CreditGrade"("isLatest", "blacklisted", "listedOn" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "CreditGrade_enterpriseId_asOf_key" ON "CreditGrade"("enterpriseId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "CreditGrade_personId_asOf_key" ON "CreditGrade"("personId", "asOf");

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "IntegrityRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
