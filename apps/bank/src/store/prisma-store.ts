/** BankStore on Prisma (PGlite or PostgreSQL): the only module that touches the generated client. */
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { BankStore } from "../domain/ports.js";
import type { CustomerRecord, JourneyRecord, LinkRecord, RevalidationRunRecord } from "../domain/records.js";

type Row<M extends keyof PrismaClient> = PrismaClient[M] extends { findFirstOrThrow(...args: never[]): Promise<infer R> } ? R : never;

const customerOf = (row: Row<"customer">): CustomerRecord => ({ ...row, sex: row.sex as CustomerRecord["sex"], status: row.status as CustomerRecord["status"] });
const linkOf = (row: Row<"certificateLink">): LinkRecord => ({ ...row, source: row.source as LinkRecord["source"] });
const journeyOf = (row: Row<"journey">): JourneyRecord => ({
  ...row,
  kind: row.kind as JourneyRecord["kind"],
  status: row.status as JourneyRecord["status"],
  input: row.input as unknown as JourneyRecord["input"],
  steps: row.steps as unknown as JourneyRecord["steps"],
  rejection: row.rejection as unknown as JourneyRecord["rejection"],
});
const runOf = (row: Row<"revalidationRun">): RevalidationRunRecord => ({ ...row, trigger: row.trigger as RevalidationRunRecord["trigger"], results: row.results as unknown as RevalidationRunRecord["results"] });

const json = (value: unknown) => (value === null ? undefined : (value as Prisma.InputJsonValue));

function journeyData(changes: Partial<JourneyRecord>) {
  const { input, steps, rejection, ...rest } = changes;
  return {
    ...rest,
    ...(input === undefined ? {} : { input: input === null ? Prisma.DbNull : json(input) }),
    ...(steps === undefined ? {} : { steps: json(steps) }),
    ...(rejection === undefined ? {} : { rejection: rejection === null ? Prisma.DbNull : json(rejection) }),
  };
}

export function createPrismaStore(prisma: PrismaClient): BankStore {
  return {
    customers: {
      async get(id) {
        const row = await prisma.customer.findUnique({ where: { id } });
        return row ? customerOf(row) : undefined;
      },
      list: async () => (await prisma.customer.findMany({ orderBy: { createdAt: "asc" } })).map(customerOf),
      insert: async (customer) => void (await prisma.customer.create({ data: customer })),
      update: async (id, changes) => void (await prisma.customer.update({ where: { id }, data: changes })),
    },
    links: {
      async activeOf(customerId) {
        const row = await prisma.certificateLink.findFirst({ where: { customerId, active: true } });
        return row ? linkOf(row) : undefined;
      },
      listOf: async (customerId) => (await prisma.certificateLink.findMany({ where: { customerId }, orderBy: { createdAt: "desc" } })).map(linkOf),
      async findByUserAuthSerial(serial) {
        const row = await prisma.certificateLink.findFirst({ where: { userAuthSerial: serial, active: true } });
        return row ? linkOf(row) : undefined;
      },
      async findBySigningSerial(serial) {
        const row = await prisma.certificateLink.findFirst({ where: { signingSerial: serial }, orderBy: { createdAt: "desc" } });
        return row ? linkOf(row) : undefined;
      },
      listActive: async () => (await prisma.certificateLink.findMany({ where: { active: true }, orderBy: { createdAt: "asc" } })).map(linkOf),
      async replace(link) {
        await prisma.$transaction([
          prisma.certificateLink.updateMany({ where: { customerId: link.customerId, active: true }, data: { active: false, replacedAt: link.createdAt } }),
          prisma.certificateLink.create({ data: link }),
        ]);
      },
      setUserAuthSerial: async (id, serial) => void (await prisma.certificateLink.update({ where: { id }, data: { userAuthSerial: serial } })),
    },
    applications: {
      insert: async (application) => void (await prisma.application.create({ data: { ...application, form: json(application.form)! } })),
      listOf: async (customerId) =>
        (await prisma.application.findMany({ where: { customerId }, orderBy: { createdAt: "desc" } })).map((row) => ({ ...row, form: row.form as never })),
    },
    journeys: {
      async get(id) {
        const row = await prisma.journey.findUnique({ where: { id } });
        return row ? journeyOf(row) : undefined;
      },
      async getByState(state) {
        const row = await prisma.journey.findUnique({ where: { state } });
        return row ? journeyOf(row) : undefined;
      },
      listOf: async (customerId) => (await prisma.journey.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: 50 })).map(journeyOf),
      listOfBrowser: async (browserHash, limit) =>
        (await prisma.journey.findMany({ where: { browserHash }, orderBy: { createdAt: "desc" }, take: limit })).map(journeyOf),
      insert: async (journey) => void (await prisma.journey.create({ data: journeyData(journey) as Prisma.JourneyCreateInput })),
      async transition(id, from, changes) {
        const result = await prisma.journey.updateMany({ where: { id, status: from }, data: journeyData(changes) as Prisma.JourneyUpdateManyMutationInput });
        return result.count === 1;
      },
      update: async (id, changes) => void (await prisma.journey.update({ where: { id }, data: journeyData(changes) as Prisma.JourneyUpdateInput })),
    },
    challenges: {
      insert: async (challenge) => void (await prisma.challenge.create({ data: challenge })),
      async consume(id, at) {
        // One statement decides: of two concurrent answers, exactly one finds consumedAt still null.
        const { count } = await prisma.challenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: at } });
        const row = await prisma.challenge.findUnique({ where: { id } });
        if (!row) return undefined;
        return count === 1 ? { ...row, consumedAt: null } : row;
      },
    },
    sessions: {
      get: async (tokenHash) => (await prisma.session.findUnique({ where: { tokenHash } })) ?? undefined,
      insert: async (session) => void (await prisma.session.create({ data: session })),
      delete: async (tokenHash) => void (await prisma.session.deleteMany({ where: { tokenHash } })),
    },
    events: {
      insert: async (event) => void (await prisma.statusEvent.create({ data: event })),
      listOf: async (customerId) => prisma.statusEvent.findMany({ where: { customerId }, orderBy: { at: "desc" }, take: 100 }),
    },
    revalidations: {
      insert: async (run) => void (await prisma.revalidationRun.create({ data: { ...run, results: json(run.results)! } })),
      update: async (id, changes) =>
        void (await prisma.revalidationRun.update({ where: { id }, data: { ...changes, results: changes.results ? json(changes.results) : undefined } })),
      list: async (limit) => (await prisma.revalidationRun.findMany({ orderBy: { startedAt: "desc" }, take: limit })).map(runOf),
    },
  };
}
