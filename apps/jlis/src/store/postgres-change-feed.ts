/**
 * The change feed over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens on a channel per schema;
 * each replica tags what it sends with its own id and ignores its own echoes. NOTIFY payloads are small
 * (< 8000 bytes), so a large revocation batch is sent in slices.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import type { ChangeEvent, ChangeFeed } from "../domain/change-feed.js";

const SERIALS_PER_MESSAGE = 100;

export async function createPostgresChangeFeed(options: { url: string; schema: string; logger: Logger }): Promise<ChangeFeed> {
  const origin = randomUUID();
  const channel = `jlis_changes_${options.schema}`;
  const handlers: ((event: ChangeEvent) => void)[] = [];
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  client.on("error", (error) => options.logger.error({ err: error }, "change feed connection failed"));
  client.on("notification", (message) => {
    if (message.channel !== channel || !message.payload) return;
    try {
      const { from, event } = JSON.parse(message.payload) as { from: string; event: ChangeEvent };
      if (from !== origin) for (const handler of handlers) handler(event);
    } catch (error) {
      options.logger.warn({ err: error }, "ignored a malformed change notification");
    }
  });
  await client.query(`LISTEN "${channel}"`);

  const send = (event: ChangeEvent) => client.query("SELECT pg_notify($1, $2)", [channel, JSON.stringify({ from: origin, event })]);
  return {
    async publish(event) {
      if (event.type !== "revoked") return void (await send(event));
      for (let i = 0; i < event.certificates.length; i += SERIALS_PER_MESSAGE) {
        await send({ type: "revoked", certificates: event.certificates.slice(i, i + SERIALS_PER_MESSAGE) });
      }
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    async close() {
      await client.end();
    },
  };
}
