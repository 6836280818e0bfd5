
-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "dateOfBirth" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "prefecture" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "prefectureRomaji" TEXT NOT NULL,
    "cityRomaji" TEXT NOT NULL,
    "localGovernmentCode" TEXT NOT NULL,
    "deceasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "counterId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "serialNumber" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "der" TEXT NOT NULL,
    "prefectureRomaji" TEXT NOT NULL,
    "cityRomaji" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "predecessorSerial" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("serialNumber")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounterSequence" (
    "counterId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "CounterSequence_pkey" PRIMARY KEY ("counterId","day")
);

-- CreateTable
CREATE TABLE "CrlRecord" (
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "crlNumber" BIGINT NOT NULL,
    "thisUpdate" TIMESTAMP(3) NOT NULL,
    "nextUpdate" TIMESTAMP(3) NOT NULL,
    "entries" INTEGER NOT NULL,
    "der" TEXT NOT NULL,

    CONSTRAINT "CrlRecord_pkey" PRIMARY KEY ("kind","scope","crlNumber")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "outcome" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Card_residentId_idx" ON "Card"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_predecessorSerial_key" ON "Certificate"("predecessorSerial");

-- CreateIndex
CREATE INDEX "Certificate_kind_revokedAt_idx" ON "Certificate"("kind", "revokedAt");

-- CreateIndex
CREATE INDEX "Certificate_cardId_idx" ON "Certificate"("cardId");

-- CreateIndex
CREATE INDEX "Certificate_residentId_idx" ON "Certificate"("residentId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

