-- CreateTable
CREATE TABLE "InvitationSend" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "recipientHash" TEXT NOT NULL,
    "sentById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationBlock" (
    "organizationId" TEXT NOT NULL,
    "recipientHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationBlock_pkey" PRIMARY KEY ("organizationId","recipientHash")
);

-- CreateIndex
CREATE INDEX "InvitationSend_recipientHash_createdAt_idx" ON "InvitationSend"("recipientHash", "createdAt");

-- CreateIndex
CREATE INDEX "InvitationSend_sentById_createdAt_idx" ON "InvitationSend"("sentById", "createdAt");

-- AddForeignKey
ALTER TABLE "InvitationSend" ADD CONSTRAINT "InvitationSend_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationSend" ADD CONSTRAINT "InvitationSend_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationSend" ADD CONSTRAINT "InvitationSend_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationBlock" ADD CONSTRAINT "InvitationBlock_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

