-- CreateIndex
CREATE INDEX "IntegrityRecord_projectId_decidedOn_idx" ON "IntegrityRecord"("projectId", "decidedOn");
