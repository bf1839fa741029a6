-- CreateEnum
CREATE TYPE "LogEvent" AS ENUM ('ISSUED', 'SUPERSEDED', 'REVOKED');

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "statusIndex" INTEGER;

-- CreateTable
CREATE TABLE "TransparencyLogEntry" (
    "index" INTEGER NOT NULL,
    "serial" TEXT NOT NULL,
    "event" "LogEvent" NOT NULL,
    "entry" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransparencyLogEntry_pkey" PRIMARY KEY ("index")
);

-- CreateTable
CREATE TABLE "TransparencyLogNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "TransparencyLogNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "TransparencyLogHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "size" INTEGER NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "checkpoint" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransparencyLogHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TransparencyLogEntry_serial_idx" ON "TransparencyLogEntry"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusIndex_key" ON "Certificate"("statusIndex");
