/**
 * jlis's database: its generated Prisma client and its prisma/migrations, opened by the service kit
 * (embedded PGlite by default, in memory for tests, PostgreSQL when a URL is given; DESIGN.md "Data").
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase as openServiceDatabase, type Database as ServiceDatabase, type DatabaseDefinition, type DatabaseLocation } from "@jpki-sandbox/service-kit";
import { PrismaClient } from "../generated/prisma/client.js";

export type { DatabaseLocation } from "@jpki-sandbox/service-kit";
export type Database = ServiceDatabase<PrismaClient>;

/** prisma/migrations of this package; src/db and dist/db are both two levels below the package root. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export const JLIS_DATABASE: DatabaseDefinition<PrismaClient> = {
  migrationsDir: MIGRATIONS_DIR,
  // Any constant works; it serialises concurrent start-ups of several jlis replicas on one PostgreSQL.
  migrationLockKey: 72_010_4010,
  createClient: (adapter) => new PrismaClient({ adapter }),
};

export function openDatabase(location: DatabaseLocation): Promise<Database> {
  return openServiceDatabase(JLIS_DATABASE, location);
}
