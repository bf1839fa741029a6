-- CreateTable
CREATE TABLE "CertificateStatusList" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "bits" BYTEA NOT NULL,
    "signedNote" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateStatusList_pkey" PRIMARY KEY ("id")
);
