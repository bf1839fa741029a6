-- CreateTable
CREATE TABLE "CertificateStatusList" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "bits" BLOB NOT NULL,
    "signedNote" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL
);
