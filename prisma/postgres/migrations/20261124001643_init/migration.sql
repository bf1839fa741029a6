-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'ZONE');

-- CreateEnum
CREATE TYPE "EnterpriseType" AS ENUM ('OWNER', 'SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR', 'TENDER_AGENT', 'LANDSCAPING', 'COST_CONSULTANT', 'QUALITY_TESTING');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('OWNER', 'SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "KeyPersonRole" AS ENUM ('PROJECT_MANAGER', 'CHIEF_SUPERVISOR', 'TECHNICAL_LEAD', 'SAFETY_OFFICER', 'DESIGN_LEAD', 'SURVEY_LEAD');

-- CreateEnum
CREATE TYPE "RegistrationType" AS ENUM ('CONSTRUCTOR_1', 'CONSTRUCTOR_2', 'SUPERVISION_ENGINEER', 'ARCHITECT_1', 'STRUCTURAL_ENGINEER_1', 'COST_ENGINEER_1', 'SURVEY_ENGINEER', 'SAFETY_ENGINEER');

-- CreateEnum
CREATE TYPE "ProjectCategory" AS ENUM ('BUILDING', 'MUNICIPAL');

-- CreateEnum
CREATE TYPE "StageStatus" AS ENUM ('ACTIVE', 'REVOKED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "CertificateType" AS ENUM ('CONSTRUCTION_PERMIT', 'COMPLETION_FILING');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('VALID', 'REVOKED', 'SUPERSEDED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('ENTERPRISE', 'PERSON');

-- CreateEnum
CREATE TYPE "RecordKind" AS ENUM ('GOOD', 'BAD');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('PROVINCE_ADMIN', 'REGION_OFFICER', 'AUDITOR');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "EnterpriseType" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "inProvince" BOOLEAN NOT NULL,
    "legalRepresentative" TEXT NOT NULL,
    "registeredAddress" TEXT NOT NULL,
    "registeredCapital" DECIMAL(65,30) NOT NULL,
    "establishedOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Qualification" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "phone" TEXT,
    "employerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "type" "RegistrationType" NOT NULL,
    "number" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "employerId" TEXT,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "projectCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "category" "ProjectCategory" NOT NULL,
    "floorArea" DOUBLE PRECISION,
    "investment" DECIMAL(65,30) NOT NULL,
    "ownerId" TEXT NOT NULL,
    "registeredOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectParticipant" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "ProjectParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectKeyPerson" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "KeyPersonRole" NOT NULL,

    CONSTRAINT "ProjectKeyPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractFiling" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "filingNumber" TEXT NOT NULL,
    "partyRole" "ParticipantRole" NOT NULL,
    "partyId" TEXT NOT NULL,
    "contractPrice" DECIMAL(65,30) NOT NULL,
    "signedOn" TIMESTAMP(3) NOT NULL,
    "filedOn" TIMESTAMP(3) NOT NULL,
    "authorityId" TEXT NOT NULL,
    "status" "StageStatus" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "ContractFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawingReview" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "reviewAgency" TEXT NOT NULL,
    "passedOn" TIMESTAMP(3) NOT NULL,
    "authorityId" TEXT NOT NULL,
    "status" "StageStatus" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "DrawingReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionFiling" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "filingNumber" TEXT NOT NULL,
    "supervisionStation" TEXT NOT NULL,
    "filedOn" TIMESTAMP(3) NOT NULL,
    "authorityId" TEXT NOT NULL,
    "status" "StageStatus" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "SupervisionFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConstructionPermit" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "permitNumber" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "scale" TEXT NOT NULL,
    "floorArea" DOUBLE PRECISION,
    "contractPrice" DECIMAL(65,30) NOT NULL,
    "plannedStartOn" TIMESTAMP(3) NOT NULL,
    "plannedEndOn" TIMESTAMP(3) NOT NULL,
    "contractorId" TEXT NOT NULL,
    "supervisorId" TEXT,
    "projectManagerId" TEXT NOT NULL,
    "chiefSupervisorId" TEXT,
    "status" "StageStatus" NOT NULL DEFAULT 'ACTIVE',
    "revokedOn" TIMESTAMP(3),
    "revocationReason" TEXT,

    CONSTRAINT "ConstructionPermit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompletionFiling" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "filingNumber" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "acceptedOn" TIMESTAMP(3) NOT NULL,
    "filedOn" TIMESTAMP(3) NOT NULL,
    "actualCost" DECIMAL(65,30) NOT NULL,
    "actualArea" DOUBLE PRECISION,
    "status" "StageStatus" NOT NULL DEFAULT 'ACTIVE',
    "revokedOn" TIMESTAMP(3),
    "revocationReason" TEXT,

    CONSTRAINT "CompletionFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "type" "CertificateType" NOT NULL,
    "serial" TEXT NOT NULL,
    "permitId" TEXT,
    "completionFilingId" TEXT,
    "projectCode" TEXT NOT NULL,
    "holderUscc" TEXT NOT NULL,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),
    "status" "CertificateStatus" NOT NULL DEFAULT 'VALID',
    "statusChangedAt" TIMESTAMP(3),
    "statusReason" TEXT,
    "supersededById" TEXT,
    "keyId" TEXT,
    "signature" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrityRecord" (
    "id" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "enterpriseId" TEXT,
    "personId" TEXT,
    "kind" "RecordKind" NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "authorityId" TEXT,
    "issuedBy" TEXT NOT NULL,
    "decidedOn" TIMESTAMP(3) NOT NULL,
    "publishFrom" TIMESTAMP(3) NOT NULL,
    "publishUntil" TIMESTAMP(3) NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "projectId" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrityRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringStandard" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "rules" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoringStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditGrade" (
    "id" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "enterpriseId" TEXT,
    "personId" TEXT,
    "standardVersion" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "grade" TEXT NOT NULL,
    "blacklisted" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditGrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "authorityId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_sortOrder_idx" ON "Region"("sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Authority_regionCode_key" ON "Authority"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_uscc_key" ON "Enterprise"("uscc");

-- CreateIndex
CREATE INDEX "Enterprise_name_idx" ON "Enterprise"("name");

-- CreateIndex
CREATE INDEX "Enterprise_type_regionCode_idx" ON "Enterprise"("type", "regionCode");

-- CreateIndex
CREATE INDEX "Enterprise_regionCode_inProvince_idx" ON "Enterprise"("regionCode", "inProvince");

-- CreateIndex
CREATE INDEX "Enterprise_inProvince_type_idx" ON "Enterprise"("inProvince", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Qualification_certificateNumber_key" ON "Qualification"("certificateNumber");

-- CreateIndex
CREATE INDEX "Qualification_enterpriseId_idx" ON "Qualification"("enterpriseId");

-- CreateIndex
CREATE INDEX "Qualification_category_grade_idx" ON "Qualification"("category", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "Person_idNumber_key" ON "Person"("idNumber");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Person_employerId_idx" ON "Person"("employerId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_number_key" ON "Registration"("number");

-- CreateIndex
CREATE INDEX "Registration_personId_idx" ON "Registration"("personId");

-- CreateIndex
CREATE INDEX "Registration_employerId_idx" ON "Registration"("employerId");

-- CreateIndex
CREATE INDEX "Registration_type_idx" ON "Registration"("type");

-- CreateIndex
CREATE UNIQUE INDEX "Project_projectCode_key" ON "Project"("projectCode");

-- CreateIndex
CREATE INDEX "Project_regionCode_category_idx" ON "Project"("regionCode", "category");

-- CreateIndex
CREATE INDEX "Project_registeredOn_id_idx" ON "Project"("registeredOn", "id");

-- CreateIndex
CREATE INDEX "Project_name_idx" ON "Project"("name");

-- CreateIndex
CREATE INDEX "Project_ownerId_idx" ON "Project"("ownerId");

-- CreateIndex
CREATE INDEX "ProjectParticipant_enterpriseId_role_idx" ON "ProjectParticipant"("enterpriseId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectParticipant_projectId_role_enterpriseId_key" ON "ProjectParticipant"("projectId", "role", "enterpriseId");

-- CreateIndex
CREATE INDEX "ProjectKeyPerson_personId_idx" ON "ProjectKeyPerson"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectKeyPerson_projectId_role_personId_key" ON "ProjectKeyPerson"("projectId", "role", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractFiling_filingNumber_key" ON "ContractFiling"("filingNumber");

-- CreateIndex
CREATE INDEX "ContractFiling_projectId_idx" ON "ContractFiling"("projectId");

-- CreateIndex
CREATE INDEX "ContractFiling_filedOn_idx" ON "ContractFiling"("filedOn");

-- CreateIndex
CREATE UNIQUE INDEX "DrawingReview_certificateNumber_key" ON "DrawingReview"("certificateNumber");

-- CreateIndex
CREATE INDEX "DrawingReview_projectId_idx" ON "DrawingReview"("projectId");

-- CreateIndex
CREATE INDEX "DrawingReview_passedOn_idx" ON "DrawingReview"("passedOn");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionFiling_filingNumber_key" ON "SupervisionFiling"("filingNumber");

-- CreateIndex
CREATE INDEX "SupervisionFiling_projectId_idx" ON "SupervisionFiling"("projectId");

-- CreateIndex
CREATE INDEX "SupervisionFiling_filedOn_idx" ON "SupervisionFiling"("filedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ConstructionPermit_permitNumber_key" ON "ConstructionPermit"("permitNumber");

-- CreateIndex
CREATE INDEX "ConstructionPermit_issuedOn_id_idx" ON "ConstructionPermit"("issuedOn", "id");

-- CreateIndex
CREATE INDEX "ConstructionPermit_regionCode_issuedOn_idx" ON "ConstructionPermit"("regionCode", "issuedOn");

-- CreateIndex
CREATE INDEX "ConstructionPermit_projectId_idx" ON "ConstructionPermit"("projectId");

-- CreateIndex
CREATE INDEX "ConstructionPermit_status_issuedOn_idx" ON "ConstructionPermit"("status", "issuedOn");

-- CreateIndex
CREATE INDEX "ConstructionPermit_contractorId_idx" ON "ConstructionPermit"("contractorId");

-- CreateIndex
CREATE UNIQUE INDEX "CompletionFiling_filingNumber_key" ON "CompletionFiling"("filingNumber");

-- CreateIndex
CREATE INDEX "CompletionFiling_filedOn_id_idx" ON "CompletionFiling"("filedOn", "id");

-- CreateIndex
CREATE INDEX "CompletionFiling_regionCode_filedOn_idx" ON "CompletionFiling"("regionCode", "filedOn");

-- CreateIndex
CREATE INDEX "CompletionFiling_projectId_idx" ON "CompletionFiling"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_permitId_key" ON "Certificate"("permitId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_completionFilingId_key" ON "Certificate"("completionFilingId");

-- CreateIndex
CREATE INDEX "Certificate_projectCode_idx" ON "Certificate"("projectCode");

-- CreateIndex
CREATE INDEX "Certificate_type_issuedOn_idx" ON "Certificate"("type", "issuedOn");

-- CreateIndex
CREATE INDEX "IntegrityRecord_kind_publishUntil_publishFrom_idx" ON "IntegrityRecord"("kind", "publishUntil", "publishFrom");

-- CreateIndex
CREATE INDEX "IntegrityRecord_enterpriseId_decidedOn_idx" ON "IntegrityRecord"("enterpriseId", "decidedOn");

-- CreateIndex
CREATE INDEX "IntegrityRecord_personId_decidedOn_idx" ON "IntegrityRecord"("personId", "decidedOn");

-- CreateIndex
CREATE INDEX "IntegrityRecord_decidedOn_id_idx" ON "IntegrityRecord"("decidedOn", "id");

-- CreateIndex
CREATE INDEX "IntegrityRecord_categoryCode_idx" ON "IntegrityRecord"("categoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringStandard_version_key" ON "ScoringStandard"("version");

-- CreateIndex
CREATE INDEX "CreditGrade_enterpriseId_asOf_idx" ON "CreditGrade"("enterpriseId", "asOf");

-- CreateIndex
CREATE INDEX "CreditGrade_personId_asOf_idx" ON "CreditGrade"("personId", "asOf");

-- CreateIndex
CREATE INDEX "CreditGrade_asOf_grade_idx" ON "CreditGrade"("asOf", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_hash_key" ON "AuditLog"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Authority" ADD CONSTRAINT "Authority_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectParticipant" ADD CONSTRAINT "ProjectParticipant_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectParticipant" ADD CONSTRAINT "ProjectParticipant_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectKeyPerson" ADD CONSTRAINT "ProjectKeyPerson_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectKeyPerson" ADD CONSTRAINT "ProjectKeyPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractFiling" ADD CONSTRAINT "ContractFiling_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractFiling" ADD CONSTRAINT "ContractFiling_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractFiling" ADD CONSTRAINT "ContractFiling_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawingReview" ADD CONSTRAINT "DrawingReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawingReview" ADD CONSTRAINT "DrawingReview_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionFiling" ADD CONSTRAINT "SupervisionFiling_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionFiling" ADD CONSTRAINT "SupervisionFiling_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_projectManagerId_fkey" FOREIGN KEY ("projectManagerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConstructionPermit" ADD CONSTRAINT "ConstructionPermit_chiefSupervisorId_fkey" FOREIGN KEY ("chiefSupervisorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionFiling" ADD CONSTRAINT "CompletionFiling_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionFiling" ADD CONSTRAINT "CompletionFiling_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionFiling" ADD CONSTRAINT "CompletionFiling_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_permitId_fkey" FOREIGN KEY ("permitId") REFERENCES "ConstructionPermit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_completionFilingId_fkey" FOREIGN KEY ("completionFilingId") REFERENCES "CompletionFiling"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrityRecord" ADD CONSTRAINT "IntegrityRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditGrade" ADD CONSTRAINT "CreditGrade_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditGrade" ADD CONSTRAINT "CreditGrade_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
