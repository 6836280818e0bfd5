/**
 * For the apps' tests that run on a real PostgreSQL: which one (DATABASE_URL, else the machine's
 * 127.0.0.1:5432 database `test`), whether it answers (tests skip with a message when not; CI always has
 * one), and dropping the throw-away schema a test made. Imported as @jpki-sandbox/service-kit/testing.
 */
import pg from "pg";

export const TEST_POSTGRES_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** The URL with its password hidden, for messages. */
export function redactedUrl(url: string): string {
  return url.replace(/:[^:@/]+@/, ":***@");
}

/** Whether `url` accepts a connection and a query within 3 s; warns naming `who` when it does not. */
export async function postgresReachable(who: string, url = TEST_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    console.warn(`${who}: no PostgreSQL at ${redactedUrl(url)}; its PostgreSQL tests are skipped`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses: `<prefix>_<pid>_<time>`. */
export function uniqueSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

export async function dropSchema(schema: string, url = TEST_POSTGRES_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
