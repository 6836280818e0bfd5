/**
 * Opens an app's database: embedded PGlite (a data directory, or in memory for tests) by default, a real
 * PostgreSQL when a URL is given (DESIGN.md "Data"). Either way the app's migrations are applied first and
 * the app's own generated Prisma client is returned; `close()` closes the client and the engine cleanly.
 * The drivers are imported on first use, so importing the kit (the CLI only wants ServiceClient) stays cheap.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { applyMigrations, readMigrations, type SqlSession } from "./migrations.js";

export type DatabaseLocation =
  | { kind: "memory" }
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; schema: string };

/** What a generated Prisma 6.19 client (prisma-client generator, engineType client) takes as `adapter`. */
export type PrismaDriverAdapter = SqlDriverAdapterFactory;

export interface Database<P> {
  prisma: P;
  location: DatabaseLocation;
  /** A short description for logs, without credentials. */
  describe(): string;
  close(): Promise<void>;
}

/** What the kit needs to know about one app's database. */
export interface DatabaseDefinition<P extends { $disconnect(): Promise<unknown> }> {
  /** Absolute path of the app's prisma/migrations. */
  migrationsDir: string;
  /** pg_advisory_lock key for migrating, one per app. */
  migrationLockKey: number;
  /** `(adapter) => new PrismaClient({ adapter })` with the app's generated client. */
  createClient(adapter: PrismaDriverAdapter): P;
}

/**
 * `DATABASE_URL`-style resolution shared by the apps' env.ts: a URL → PostgreSQL in `schema`;
 * dataDir ":memory:" → in memory; anything else → PGlite at dataDir.
 */
export function databaseLocation(options: { url?: string | undefined; schema: string; dataDir: string }): DatabaseLocation {
  if (options.url) return { kind: "postgres", url: options.url, schema: options.schema };
  if (options.dataDir === ":memory:") return { kind: "memory" };
  return { kind: "pglite", dataDir: options.dataDir };
}

// A migrated, empty in-memory database per migrations directory, dumped once per process: a fresh PGlite
// costs ~4 s, loading a snapshot ~1 s (NOTES.md), which matters for tests that each want their own
// database. Keyed by directory because several apps may run in one process (e2e tests).
const memorySnapshots = new Map<string, Promise<File | Blob>>();

function migratedMemorySnapshot(definition: Pick<DatabaseDefinition<never>, "migrationsDir" | "migrationLockKey">): Promise<File | Blob> {
  const key = path.resolve(definition.migrationsDir);
  let snapshot = memorySnapshots.get(key);
  if (!snapshot) {
    snapshot = (async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      const db = new PGlite();
      try {
        await applyMigrations(pgliteSession(db), readMigrations(key), definition.migrationLockKey);
        return await db.dumpDataDir("none");
      } finally {
        await db.close();
      }
    })();
    // A failed snapshot (a broken migration) is not cached, so a fixed one can be retried.
    snapshot.catch(() => memorySnapshots.delete(key));
    memorySnapshots.set(key, snapshot);
  }
  return snapshot;
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
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
  };
}

/**
 * pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10 while the client is 6.19:
 * the runtime interface is the same (verified by the tests on PGlite), only the nominal types differ.
 */
async function pgliteAdapter(db: PGlite): Promise<PrismaDriverAdapter> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return new PrismaPGlite(db) as unknown as PrismaDriverAdapter;
}

async function openPglite<P extends { $disconnect(): Promise<unknown> }>(
  definition: DatabaseDefinition<P>,
  location: Extract<DatabaseLocation, { kind: "memory" | "pglite" }>,
): Promise<Database<P>> {
  const { PGlite } = await import("@electric-sql/pglite");
  let db: PGlite;
  if (location.kind === "memory") {
    db = new PGlite({ loadDataDir: await migratedMemorySnapshot(definition) });
  } else {
    mkdirSync(location.dataDir, { recursive: true });
    db = new PGlite(location.dataDir);
    try {
      await applyMigrations(pgliteSession(db), readMigrations(definition.migrationsDir), definition.migrationLockKey);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  const prisma = definition.createClient(await pgliteAdapter(db));
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

async function openPostgres<P extends { $disconnect(): Promise<unknown> }>(
  definition: DatabaseDefinition<P>,
  location: Extract<DatabaseLocation, { kind: "postgres" }>,
): Promise<Database<P>> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const schema = quoteIdentifier(location.schema);
  // search_path on every pooled connection, so the migrations' unqualified names land in our schema.
  const poolConfig: pg.PoolConfig = { connectionString: location.url, options: `-c search_path=${schema}`, max: 10 };
  const migrationPool = new pg.Pool({ ...poolConfig, max: 1 });
  try {
    const client = await migrationPool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await applyMigrations(postgresSession(client), readMigrations(definition.migrationsDir), definition.migrationLockKey);
    } finally {
      client.release();
    }
  } finally {
    await migrationPool.end();
  }
  const prisma = definition.createClient(new PrismaPg(poolConfig, { schema: location.schema }));
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

export async function openDatabase<P extends { $disconnect(): Promise<unknown> }>(
  definition: DatabaseDefinition<P>,
  location: DatabaseLocation,
): Promise<Database<P>> {
  return location.kind === "postgres" ? openPostgres(definition, location) : openPglite(definition, location);
}
