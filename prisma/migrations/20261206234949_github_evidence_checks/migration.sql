SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- CreateEnum
CREATE TYPE "EvidenceCheckStatus" AS ENUM ('PENDING', 'VERIFIED', 'WARNING', 'ERROR');

-- AlterTable
ALTER TABLE "TrackNode" ADD COLUMN     "verificationRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "GitHubIdentity" (
    "userId" TEXT NOT NULL,
    "githubId" BIGINT NOT NULL,
    "login" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GitHubIdentity_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "EvidenceCheck" (
    "attemptId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "EvidenceCheckStatus" NOT NULL DEFAULT 'PENDING',
    "problem" TEXT,
    "facts" JSONB,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceCheck_pkey" PRIMARY KEY ("attemptId")
);

-- CreateTable
CREATE TABLE "OrganizationGitHubSettings" (
    "organizationId" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationGitHubSettings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "GitHubIdentity_githubId_key" ON "GitHubIdentity"("githubId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceCheck_organizationId_attemptId_key" ON "EvidenceCheck"("organizationId", "attemptId");

-- AddForeignKey
ALTER TABLE "GitHubIdentity" ADD CONSTRAINT "GitHubIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceCheck" ADD CONSTRAINT "EvidenceCheck_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceCheck" ADD CONSTRAINT "EvidenceCheck_organizationId_attemptId_fkey" FOREIGN KEY ("organizationId", "attemptId") REFERENCES "EvidenceAttempt"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationGitHubSettings" ADD CONSTRAINT "OrganizationGitHubSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

