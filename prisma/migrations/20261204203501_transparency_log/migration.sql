-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN "statusIndex" INTEGER;

-- CreateTable
CREATE TABLE "TransparencyLogEntry" (
    "index" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serial" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "entry" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TransparencyLogNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" BLOB NOT NULL,

    PRIMARY KEY ("level", "index")
);

-- CreateTable
CREATE TABLE "TransparencyLogHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "size" INTEGER NOT NULL,
    "rootHash" BLOB NOT NULL,
    "checkpoint" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TransparencyLogEntry_serial_idx" ON "TransparencyLogEntry"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusIndex_key" ON "Certificate"("statusIndex");
