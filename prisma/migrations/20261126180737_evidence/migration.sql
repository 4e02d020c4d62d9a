-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED');

-- CreateTable
CREATE TABLE "EvidenceAttempt" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "stableKey" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "EvidenceStatus" NOT NULL DEFAULT 'SUBMITTED',
    "link" TEXT,
    "note" TEXT,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvidenceAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidenceAttempt_organizationId_status_submittedAt_idx" ON "EvidenceAttempt"("organizationId", "status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceAttempt_assignmentId_stableKey_number_key" ON "EvidenceAttempt"("assignmentId", "stableKey", "number");

-- AddForeignKey
ALTER TABLE "EvidenceAttempt" ADD CONSTRAINT "EvidenceAttempt_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAttempt" ADD CONSTRAINT "EvidenceAttempt_organizationId_assignmentId_fkey" FOREIGN KEY ("organizationId", "assignmentId") REFERENCES "Assignment"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAttempt" ADD CONSTRAINT "EvidenceAttempt_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAttempt" ADD CONSTRAINT "EvidenceAttempt_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand (Prisma cannot declare a partial index): at most one attempt of
-- an item waits for review at a time.
CREATE UNIQUE INDEX "EvidenceAttempt_one_submitted_key" ON "EvidenceAttempt"("assignmentId", "stableKey") WHERE "status" = 'SUBMITTED';
