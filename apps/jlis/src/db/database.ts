/**
 * Opens jlis's database: embedded PGlite (a data directory, or in memory for tests) by default, a real
 * PostgreSQL when a URL is given (DESIGN.md "Data"). Either way migrations are applied first and one
 * generated Prisma client is returned; `close()` closes the client and the engine cleanly.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations, type SqlSession } from "./migrate.js";

export type DatabaseLocation =
  | { kind: "memory" }
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; schema: string };

export interface Database {
  prisma: PrismaClient;
  location: DatabaseLocation;
  /** A short description for logs, without credentials. */
  describe(): string;
  close(): Promise<void>;
}

// A migrated, empty in-memory database, dumped once per process: a fresh PGlite costs ~4 s, loading a
// snapshot ~1 s (NOTES.md), which matters for tests that each want their own database.
let memorySnapshot: Promise<File | Blob> | undefined;

async function migratedMemorySnapshot(): Promise<File | Blob> {
  memorySnapshot ??= (async () => {
    const db = new PGlite();
    await applyMigrations(pgliteSession(db));
    const dump = await db.dumpDataDir("none");
    await db.close();
    return dump;
  })();
  return memorySnapshot;
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
  };
}

function postgresSession(client: pg.PoolClient): SqlSession {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as Row[],
  };
}

type DriverAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/**
 * pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10 while the client is 6.19:
 * the runtime interface is the same (verified by the tests on PGlite), only the nominal types differ.
 */
function pgliteAdapter(db: PGlite): DriverAdapter {
  return new PrismaPGlite(db) as unknown as DriverAdapter;
}

async function openPglite(location: Extract<DatabaseLocation, { kind: "memory" | "pglite" }>): Promise<Database> {
  let db: PGlite;
  if (location.kind === "memory") {
    db = new PGlite({ loadDataDir: await migratedMemorySnapshot() });
  } else {
    mkdirSync(location.dataDir, { recursive: true });
    db = new PGlite(location.dataDir);
    await applyMigrations(pgliteSession(db));
  }
  const prisma = new PrismaClient({ adapter: pgliteAdapter(db) });
  return {
    prisma,
    location,
    describe: () => (location.kind === "memory" ? "PGlite (in memory)" : `PGlite (${location.dataDir})`),
    async close() {
      await prisma.$disconnect();
      if (!db.closed) await db.close();
    },
  };
}

/** Quotes an identifier for SQL (schema names come from configuration). */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function openPostgres(location: Extract<DatabaseLocation, { kind: "postgres" }>): Promise<Database> {
  const schema = quoteIdentifier(location.schema);
  // search_path on every pooled connection, so the migrations' unqualified names land in our schema.
  const poolConfig: pg.PoolConfig = { connectionString: location.url, options: `-c search_path=${schema}`, max: 10 };
  const migrationPool = new pg.Pool({ ...poolConfig, max: 1 });
  try {
    const client = await migrationPool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await applyMigrations(postgresSession(client));
    } finally {
      client.release();
    }
  } finally {
    await migrationPool.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(poolConfig, { schema: location.schema }) });
  const url = new URL(location.url);
  return {
    prisma,
    location,
    describe: () => `PostgreSQL (${url.hostname}:${url.port || 5432}${url.pathname}, schema ${location.schema})`,
    async close() {
      await prisma.$disconnect();
    },
  };
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  return location.kind === "postgres" ? openPostgres(location) : openPglite(location);
}
