/** PortalStore on Prisma (PGlite or PostgreSQL): the only module that touches the generated client. */
import type { Persona } from "@jpki-sandbox/jpki-core";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { PortalStore } from "../domain/ports.js";
import type { BankClientRecord, CardRecord, SigningRequestRecord, StoredCardStatus } from "../domain/records.js";

type CardRow = Awaited<ReturnType<PrismaClient["card"]["findFirstOrThrow"]>>;
type RequestRow = Awaited<ReturnType<PrismaClient["signingRequest"]["findFirstOrThrow"]>>;

function cardOf(row: CardRow): CardRecord {
  return { ...row, persona: row.persona as unknown as Persona, status: row.status as StoredCardStatus, state: row.state as unknown };
}

function requestOf(row: RequestRow): SigningRequestRecord {
  return { ...row, kind: row.kind as SigningRequestRecord["kind"], status: row.status as SigningRequestRecord["status"], result: row.result as unknown };
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

export function createPrismaStore(prisma: PrismaClient): PortalStore {
  return {
    cards: {
      async get(id) {
        const row = await prisma.card.findUnique({ where: { id } });
        return row ? cardOf(row) : undefined;
      },
      async list() {
        return (await prisma.card.findMany({ orderBy: { createdAt: "desc" } })).map(cardOf);
      },
      async insert(card) {
        return cardOf(await prisma.card.create({ data: { ...card, persona: json(card.persona), state: json(card.state) } }));
      },
      async update(id, expectedVersion, changes) {
        const { persona, state, ...rest } = changes;
        const result = await prisma.card.updateMany({
          where: { id, version: expectedVersion },
          data: {
            ...rest,
            ...(persona === undefined ? {} : { persona: json(persona) }),
            ...(state === undefined ? {} : { state: json(state) }),
            version: { increment: 1 },
          },
        });
        return result.count === 1;
      },
    },
    bankClients: {
      async get(id) {
        return (await prisma.bankClient.findUnique({ where: { id } })) ?? undefined;
      },
      list: () => prisma.bankClient.findMany({ orderBy: { createdAt: "asc" } }),
      upsert: (client): Promise<BankClientRecord> =>
        prisma.bankClient.upsert({ where: { id: client.id }, create: client, update: { ...client, disabledAt: null } }),
    },
    signingRequests: {
      async get(id) {
        const row = await prisma.signingRequest.findUnique({ where: { id } });
        return row ? requestOf(row) : undefined;
      },
      async getByCodeHash(codeHash) {
        const row = await prisma.signingRequest.findUnique({ where: { codeHash } });
        return row ? requestOf(row) : undefined;
      },
      async insert(request) {
        return requestOf(await prisma.signingRequest.create({ data: request }));
      },
      async transition(id, from, changes) {
        const { result, ...rest } = changes;
        const updated = await prisma.signingRequest.updateMany({
          where: { id, status: from },
          data: { ...rest, ...(result === undefined ? {} : { result: json(result) }) },
        });
        return updated.count === 1;
      },
    },
  };
}
