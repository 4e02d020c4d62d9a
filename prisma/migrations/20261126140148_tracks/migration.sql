-- CreateEnum
CREATE TYPE "TrackVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "TrackNodeKind" AS ENUM ('SECTION', 'ITEM');

-- CreateTable
CREATE TABLE "Track" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "TrackVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "sourceHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackNode" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" "TrackNodeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "estimatedMinutes" INTEGER,
    "stableKey" TEXT NOT NULL,
    "resources" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "TrackNode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Track_organizationId_createdAt_id_idx" ON "Track"("organizationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TrackVersion_organizationId_idx" ON "TrackVersion"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackVersion_trackId_number_key" ON "TrackVersion"("trackId", "number");

-- CreateIndex
CREATE INDEX "TrackNode_versionId_parentId_position_idx" ON "TrackNode"("versionId", "parentId", "position");

-- CreateIndex
CREATE INDEX "TrackNode_organizationId_idx" ON "TrackNode"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackNode_versionId_id_key" ON "TrackNode"("versionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TrackNode_versionId_ordinal_key" ON "TrackNode"("versionId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "TrackNode_versionId_stableKey_key" ON "TrackNode"("versionId", "stableKey");

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackVersion" ADD CONSTRAINT "TrackVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackVersion" ADD CONSTRAINT "TrackVersion_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackVersion" ADD CONSTRAINT "TrackVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackNode" ADD CONSTRAINT "TrackNode_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackNode" ADD CONSTRAINT "TrackNode_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "TrackVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackNode" ADD CONSTRAINT "TrackNode_versionId_parentId_fkey" FOREIGN KEY ("versionId", "parentId") REFERENCES "TrackNode"("versionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

