/**
 * openDatabase with a tiny stand-in for a generated Prisma client: it only checks that it was given a driver
 * adapter and that it is disconnected. The real client is exercised by jlis's tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "../testing/postgres.js";
import { databaseLocation, openDatabase, type DatabaseDefinition, type PrismaDriverAdapter } from "./database.js";

class FakeClient {
  disconnected = false;
  constructor(readonly adapter: PrismaDriverAdapter) {}
  async $disconnect(): Promise<void> {
    this.disconnected = true;
  }
}

function definitionFor(migrationsDir: string, migrationLockKey: number): DatabaseDefinition<FakeClient> {
  return { migrationsDir, migrationLockKey, createClient: (adapter) => new FakeClient(adapter) };
}

function migrationsDir(table: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kit-db-"));
  mkdirSync(path.join(dir, "20250101000000_init"));
  writeFileSync(path.join(dir, "20250101000000_init", "migration.sql"), `CREATE TABLE "${table}" ("id" TEXT PRIMARY KEY);`);
  return dir;
}

describe("databaseLocation", () => {
  it("prefers a URL (PostgreSQL in the schema), then :memory:, then PGlite at the data dir", () => {
    expect(databaseLocation({ url: "postgresql://x@h/db", schema: "portal", dataDir: ".data/portal" })).toEqual({
      kind: "postgres",
      url: "postgresql://x@h/db",
      schema: "portal",
    });
    expect(databaseLocation({ url: undefined, schema: "portal", dataDir: ":memory:" })).toEqual({ kind: "memory" });
    expect(databaseLocation({ url: "", schema: "portal", dataDir: "/tmp/p" })).toEqual({ kind: "pglite", dataDir: "/tmp/p" });
  });
});

describe("openDatabase on PGlite", () => {
  const dirs: string[] = [];
  const track = (dir: string) => (dirs.push(dir), dir);
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("gives each in-memory database its own migrated copy, per migrations directory", async () => {
    const apple = definitionFor(track(migrationsDir("Apple")), 1);
    const pear = definitionFor(track(migrationsDir("Pear")), 2);
    const a = await openDatabase(apple, { kind: "memory" });
    const b = await openDatabase(pear, { kind: "memory" });
    const a2 = await openDatabase(apple, { kind: "memory" });
    try {
      expect(a.describe()).toBe("PGlite (in memory)");
      expect(a.prisma.adapter.provider).toBe("postgres");
      // The adapter is a factory over that PGlite; connect() reaches the migrated tables.
      const tables = async (adapter: PrismaDriverAdapter) => {
        const connection = await adapter.connect();
        const result = await connection.queryRaw({ sql: `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`, args: [], argTypes: [] });
        return result.rows.map((row) => row[0]);
      };
      expect(await tables(a.prisma.adapter)).toEqual(["Apple", "_prisma_migrations"]);
      expect(await tables(b.prisma.adapter)).toEqual(["Pear", "_prisma_migrations"]);
      const insert = await (await a.prisma.adapter.connect()).executeRaw({ sql: `INSERT INTO "Apple" (id) VALUES ('x')`, args: [], argTypes: [] });
      expect(insert).toBe(1);
      const rows = await (await a2.prisma.adapter.connect()).queryRaw({ sql: `SELECT id FROM "Apple"`, args: [], argTypes: [] });
      expect(rows.rows).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close(), a2.close()]);
    }
    expect(a.prisma.disconnected).toBe(true);
  });

  it("migrates a data directory once and keeps what was written", async () => {
    const definition = definitionFor(track(migrationsDir("Kept")), 3);
    const dataDir = path.join(track(mkdtempSync(path.join(tmpdir(), "kit-pglite-"))), "nested", "pglite");
    const first = await openDatabase(definition, { kind: "pglite", dataDir });
    expect(first.describe()).toBe(`PGlite (${dataDir})`);
    await (await first.prisma.adapter.connect()).executeRaw({ sql: `INSERT INTO "Kept" (id) VALUES ('still here')`, args: [], argTypes: [] });
    await first.close();
    const second = await openDatabase(definition, { kind: "pglite", dataDir });
    await second.close();
    const db = new PGlite(dataDir);
    try {
      expect((await db.query(`SELECT id FROM "Kept"`)).rows).toEqual([{ id: "still here" }]);
      expect((await db.query(`SELECT migration_name FROM "_prisma_migrations"`)).rows).toEqual([{ migration_name: "20250101000000_init" }]);
    } finally {
      await db.close();
    }
  });
});

const url = TEST_POSTGRES_URL;
const available = await postgresReachable("database.test.ts", url);

describe.skipIf(!available)("openDatabase on PostgreSQL", () => {
  const schema = uniqueSchemaName("kit_test");
  let dir: string;
  beforeAll(() => {
    dir = migrationsDir("Remote");
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema, url);
  });

  it("creates its own schema, migrates it and hands the client a pg adapter", async () => {
    const definition = definitionFor(dir, 4);
    const database = await openDatabase(definition, { kind: "postgres", url, schema });
    try {
      expect(database.describe()).toMatch(new RegExp(`^PostgreSQL \\(.+, schema ${schema}\\)$`));
      expect(database.describe()).not.toContain("@");
      expect(database.prisma.adapter.adapterName).toBe("@prisma/adapter-pg");
    } finally {
      await database.close();
    }
    // Opening again applies nothing new (the checksum matches).
    await (await openDatabase(definition, { kind: "postgres", url, schema })).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT migration_name FROM "${schema}"."_prisma_migrations"`);
      expect(rows).toEqual([{ migration_name: "20250101000000_init" }]);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", [schema]);
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(["Remote", "_prisma_migrations"]);
    } finally {
      await client.end();
    }
  });
});
