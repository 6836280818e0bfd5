/**
 * Applies an app's prisma/migrations from Node, for PGlite and PostgreSQL alike (NOTES.md: the Prisma CLI
 * cannot run offline against PGlite). Each migration runs in its own transaction and is recorded in
 * `_prisma_migrations` exactly as `prisma migrate deploy` would (sha256 checksum of the file), so
 * `prisma migrate status` agrees with what ran here. An applied migration whose file changed is an error.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The smallest SQL surface both PGlite and node-postgres offer. */
export interface SqlSession {
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $n parameters and returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Every `<dir>/<name>/migration.sql`, in name (timestamp) order. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

/**
 * Applies every pending migration; returns the names it applied. `lockKey` (pg_advisory_lock, one constant
 * per app) serialises concurrent start-ups of several replicas on one PostgreSQL.
 */
export async function applyMigrations(session: SqlSession, migrations: readonly Migration[], lockKey: number): Promise<string[]> {
  await session.query("SELECT pg_advisory_lock($1)", [lockKey]);
  try {
    await session.exec(MIGRATIONS_TABLE);
    const applied = await session.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(`migration ${migration.name} was changed after it was applied (checksum differs)`);
        }
        continue;
      }
      await session.exec("BEGIN");
      try {
        await session.exec(migration.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      ran.push(migration.name);
    }
    return ran;
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [lockKey]);
  }
}
