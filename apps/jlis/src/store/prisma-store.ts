/**
 * The Prisma implementation of the domain's JlisStore: the only module that knows table and column names.
 * Rows are mapped to the plain records of src/domain/records.ts on the way out.
 */
import type { CertificateKind, RevocationReason } from "@jpki-sandbox/jpki-core";
import type { JlisStore } from "../domain/ports.js";
import type {
  AuditEvent,
  Card,
  CertificateRecord,
  Client,
  ClientKind,
  CrlRecord,
  CrlScope,
  Resident,
  Sex,
  StoredCardStatus,
} from "../domain/records.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

type ResidentRow = Prisma.ResidentGetPayload<object>;
type CardRow = Prisma.CardGetPayload<object>;
type CertificateRow = Prisma.CertificateGetPayload<object>;
type ClientRow = Prisma.ClientGetPayload<object>;
type CrlRow = Prisma.CrlRecordGetPayload<object>;

const toResident = (row: ResidentRow): Resident => ({ ...row, sex: row.sex as Sex });
const toCard = (row: CardRow): Card => ({ ...row, status: row.status as StoredCardStatus });
const toCertificate = (row: CertificateRow): CertificateRecord => ({
  ...row,
  kind: row.kind as CertificateKind,
  der: fromBase64(row.der),
  revocationReason: row.revocationReason as RevocationReason | null,
});
const toClient = (row: ClientRow): Client => ({ ...row, kind: row.kind as ClientKind });
const toCrl = (row: CrlRow): CrlRecord => ({
  ...row,
  kind: row.kind as CertificateKind,
  scope: row.scope as CrlScope,
  der: fromBase64(row.der),
});

/** DER columns hold base64 text (see prisma/schema.prisma). */
const toBase64 = (data: Uint8Array): string => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, "base64"));

export function createPrismaStore(prisma: PrismaClient): JlisStore {
  return {
    residents: {
      async create(resident) {
        await prisma.resident.create({ data: resident });
      },
      async get(id) {
        const row = await prisma.resident.findUnique({ where: { id } });
        return row ? toResident(row) : undefined;
      },
      async list(limit = 500) {
        return (await prisma.resident.findMany({ orderBy: { createdAt: "desc" }, take: limit })).map(toResident);
      },
      count: () => prisma.resident.count(),
      async updateAddress(id, address, at) {
        await prisma.resident.update({ where: { id }, data: { ...address, updatedAt: at } });
      },
      async updateName(id, name, at) {
        await prisma.resident.update({ where: { id }, data: { name, updatedAt: at } });
      },
      async markDeceased(id, at) {
        await prisma.resident.update({ where: { id }, data: { deceasedAt: at, updatedAt: at } });
      },
    },
    cards: {
      async create(card) {
        await prisma.card.create({ data: card });
      },
      async get(id) {
        const row = await prisma.card.findUnique({ where: { id } });
        return row ? toCard(row) : undefined;
      },
      async ofResident(residentId) {
        return (await prisma.card.findMany({ where: { residentId }, orderBy: { issuedAt: "desc" } })).map(toCard);
      },
      async end(id, status, at) {
        const { count } = await prisma.card.updateMany({ where: { id, status: "active" }, data: { status, endedAt: at } });
        return count === 1;
      },
    },
    certificates: {
      async insert(certificate) {
        await prisma.certificate.create({ data: { ...certificate, der: toBase64(certificate.der) } });
      },
      async get(serialNumber) {
        const row = await prisma.certificate.findUnique({ where: { serialNumber } });
        return row ? toCertificate(row) : undefined;
      },
      async list(filter = {}) {
        const rows = await prisma.certificate.findMany({
          where: {
            kind: filter.kind,
            residentId: filter.residentId,
            cardId: filter.cardId,
            ...(filter.revoked === undefined ? {} : { revokedAt: filter.revoked ? { not: null } : null }),
          },
          orderBy: { issuedAt: "desc" },
          take: filter.limit ?? 1_000,
        });
        return rows.map(toCertificate);
      },
      async countByStatus(kind, at) {
        const [revoked, expired, total] = await Promise.all([
          prisma.certificate.count({ where: { kind, revokedAt: { not: null } } }),
          prisma.certificate.count({ where: { kind, revokedAt: null, notAfter: { lt: at } } }),
          prisma.certificate.count({ where: { kind } }),
        ]);
        return { good: total - revoked - expired, revoked, expired };
      },
      async revoke(serialNumber, reason, at) {
        const { count } = await prisma.certificate.updateMany({
          where: { serialNumber, revokedAt: null },
          data: { revokedAt: at, revocationReason: reason },
        });
        return count === 1;
      },
      async successorOf(serialNumber) {
        const row = await prisma.certificate.findUnique({ where: { predecessorSerial: serialNumber } });
        return row ? toCertificate(row) : undefined;
      },
      async revokedEntries(kind, municipality) {
        const rows = await prisma.certificate.findMany({
          where: { kind, revokedAt: { not: null }, ...municipality },
          select: { serialNumber: true, revokedAt: true, revocationReason: true },
          orderBy: { revokedAt: "asc" },
        });
        return rows.map((row) => ({
          serialNumber: row.serialNumber,
          revokedAt: row.revokedAt as Date,
          reason: row.revocationReason as RevocationReason,
        }));
      },
      async municipalities(kind) {
        return prisma.certificate.findMany({
          where: { kind },
          distinct: ["prefectureRomaji", "cityRomaji"],
          select: { prefectureRomaji: true, cityRomaji: true },
          orderBy: [{ prefectureRomaji: "asc" }, { cityRomaji: "asc" }],
        });
      },
    },
    clients: {
      async upsert(client) {
        await prisma.client.upsert({ where: { id: client.id }, create: client, update: client });
      },
      async get(id) {
        const row = await prisma.client.findUnique({ where: { id } });
        return row ? toClient(row) : undefined;
      },
      async list(kind) {
        return (await prisma.client.findMany({ where: { kind }, orderBy: { createdAt: "asc" } })).map(toClient);
      },
    },
    sequences: {
      async next(counterId, day) {
        const row = await prisma.counterSequence.upsert({
          where: { counterId_day: { counterId, day } },
          create: { counterId, day, value: 1 },
          update: { value: { increment: 1 } },
        });
        return row.value;
      },
    },
    crls: {
      async latest(kind, scope) {
        const row = await prisma.crlRecord.findFirst({ where: { kind, scope }, orderBy: { crlNumber: "desc" } });
        return row ? toCrl(row) : undefined;
      },
      async insert(crl) {
        await prisma.crlRecord.create({ data: { ...crl, der: toBase64(crl.der) } });
      },
      async latestOfEveryScope() {
        const rows = await prisma.crlRecord.findMany({
          distinct: ["kind", "scope"],
          orderBy: [{ kind: "asc" }, { scope: "asc" }, { crlNumber: "desc" }],
        });
        return rows.map(toCrl);
      },
    },
    audit: {
      async record(event, at) {
        await prisma.auditEvent.create({
          data: {
            at,
            actorType: event.actorType,
            actorId: event.actorId,
            action: event.action,
            target: event.target ?? null,
            outcome: event.outcome,
            detail: (event.detail ?? undefined) as Prisma.InputJsonValue | undefined,
          },
        });
      },
      async list({ limit, before }) {
        const rows = await prisma.auditEvent.findMany({
          where: before === undefined ? {} : { id: { lt: BigInt(before) } },
          orderBy: { id: "desc" },
          take: limit,
        });
        return rows.map(
          (row): AuditEvent => ({
            id: row.id.toString(),
            at: row.at,
            actorType: row.actorType as AuditEvent["actorType"],
            actorId: row.actorId,
            action: row.action,
            target: row.target,
            outcome: row.outcome as AuditEvent["outcome"],
            detail: (row.detail as Record<string, unknown> | null) ?? null,
          }),
        );
      },
    },
    settings: {
      async get<T>(key: string) {
        const row = await prisma.setting.findUnique({ where: { key } });
        return row ? (row.value as T) : undefined;
      },
      async set(key, value, at) {
        const json = value as Prisma.InputJsonValue;
        await prisma.setting.upsert({ where: { key }, create: { key, value: json, updatedAt: at }, update: { value: json, updatedAt: at } });
      },
    },
  };
}
