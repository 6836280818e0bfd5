/** Migrations on an in-memory PGlite from a temporary migrations directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations, type SqlSession } from "./migrations.js";

const LOCK_KEY = 4242;

function session(db: PGlite): SqlSession {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
  };
}

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("applyMigrations", () => {
  let dir: string;
  let db: PGlite;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kit-migrations-"));
    writeMigration(dir, "20260101000000_second", 'ALTER TABLE "Thing" ADD COLUMN "size" INTEGER;');
    writeMigration(dir, "20250101000000_first", 'CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY);');
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    db = new PGlite();
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the directories in name order with the file's sha256", () => {
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20250101000000_first", "20260101000000_second"]);
    expect(migrations[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies each pending migration once and records it as prisma migrate would", async () => {
    expect(await applyMigrations(session(db), readMigrations(dir), LOCK_KEY)).toEqual(["20250101000000_first", "20260101000000_second"]);
    expect(await applyMigrations(session(db), readMigrations(dir), LOCK_KEY)).toEqual([]);
    const rows = (await db.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    )).rows;
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(readMigrations(dir).map((m) => [m.name, m.checksum, 1]));
    await db.query(`INSERT INTO "Thing" (id, size) VALUES ('a', 1)`);
  });

  it("refuses a migration changed after it was applied (MigrationError)", async () => {
    const changed = readMigrations(dir).map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(session(db), changed, LOCK_KEY)).rejects.toBeInstanceOf(MigrationError);
  });

  it("rolls back a failing migration and records nothing for it (MigrationError)", async () => {
    const broken = [...readMigrations(dir), { name: "20270101000000_broken", sql: 'CREATE TABLE "Other" ("id" TEXT); SELECT nonsense FROM nowhere;', checksum: "1".repeat(64) }];
    await expect(applyMigrations(session(db), broken, LOCK_KEY)).rejects.toBeInstanceOf(MigrationError);
    expect((await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Other'`)).rows).toEqual([]);
    expect((await db.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20270101000000_broken'`)).rows).toEqual([]);
    // The advisory lock was released: a later run still gets through.
    expect(await applyMigrations(session(db), readMigrations(dir), LOCK_KEY)).toEqual([]);
  });
});
