-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dateOfBirth" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "attributesMayHaveChanged" BOOLEAN NOT NULL DEFAULT false,
    "attributesUpdatedAt" TIMESTAMP(3) NOT NULL,
    "lastRevalidatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateLink" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "signingSerial" TEXT NOT NULL,
    "signingCertificatePem" TEXT NOT NULL,
    "userAuthSerial" TEXT,
    "source" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMP(3),

    CONSTRAINT "CertificateLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "form" JSONB NOT NULL,
    "document" TEXT NOT NULL,
    "cms" TEXT NOT NULL,
    "signingSerial" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Journey" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'awaitingApproval',
    "state" TEXT NOT NULL,
    "portalRequestId" TEXT NOT NULL,
    "approvalUrl" TEXT NOT NULL,
    "input" JSONB,
    "document" TEXT,
    "challengeId" TEXT,
    "signerSerial" TEXT,
    "steps" JSONB NOT NULL,
    "rejection" JSONB,
    "customerId" TEXT,
    "parentJourneyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevalidationRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "results" JSONB NOT NULL,

    CONSTRAINT "RevalidationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CertificateLink_customerId_idx" ON "CertificateLink"("customerId");

-- CreateIndex
CREATE INDEX "CertificateLink_userAuthSerial_idx" ON "CertificateLink"("userAuthSerial");

-- CreateIndex
CREATE INDEX "CertificateLink_signingSerial_idx" ON "CertificateLink"("signingSerial");

-- CreateIndex
CREATE UNIQUE INDEX "Application_journeyId_key" ON "Application"("journeyId");

-- CreateIndex
CREATE UNIQUE INDEX "Journey_state_key" ON "Journey"("state");

-- CreateIndex
CREATE INDEX "Journey_browserHash_idx" ON "Journey"("browserHash");

-- CreateIndex
CREATE INDEX "Journey_customerId_idx" ON "Journey"("customerId");

-- CreateIndex
CREATE INDEX "Session_customerId_idx" ON "Session"("customerId");

-- CreateIndex
CREATE INDEX "StatusEvent_customerId_at_idx" ON "StatusEvent"("customerId", "at");

-- CreateIndex
CREATE INDEX "RevalidationRun_startedAt_idx" ON "RevalidationRun"("startedAt");

