/**
 * The portal across restarts and on PostgreSQL: cards (retry counters, sealed keys) survive a restart on
 * PGlite with the card key kept in the data dir; a different card key cannot open them; the same flows run
 * on a real PostgreSQL schema.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createJlis, testConfig as jlisTestConfig, type Jlis } from "@jpki-sandbox/jlis";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "@jpki-sandbox/service-kit/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardView } from "./shared/api-types.js";
import { HANAKO_PINS, startTestSandbox, TEST_BANK, TEST_COUNTER, type TestSandbox } from "./test-support/test-sandbox.js";

const POSTGRES_URL = TEST_POSTGRES_URL;

async function approveAuth(sandbox: TestSandbox, cardId: string, pin: string): Promise<Response> {
  const request = await sandbox.createRequest({
    kind: "auth",
    challenge: Buffer.alloc(32, 9).toString("base64"),
    displayText: "log in",
    returnUrl: `${TEST_BANK.origin}/cb`,
    state: "persistence-state",
  });
  return sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId, pin });
}

describe("on PGlite in a data directory", () => {
  let jlis: Jlis;
  let dataDir: string;
  beforeAll(async () => {
    jlis = await createJlis(jlisTestConfig({ counter: TEST_COUNTER }));
    await jlis.start(0);
    dataDir = mkdtempSync(path.join(tmpdir(), "portal-data-"));
  });
  afterAll(async () => {
    await jlis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const portalAt = (cardKey?: Uint8Array) =>
    startTestSandbox({ jlis, portal: { dataDir, database: { kind: "pglite", dataDir: path.join(dataDir, "pglite") }, cardKey } });

  it("keeps cards, their PIN counters and keys across a restart; another card key cannot open them", async () => {
    const first = await portalAt();
    let card: CardView;
    try {
      card = await first.issueHanako();
      expect(await (await approveAuth(first, card.id, "0000")).json()).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 2 });
    } finally {
      await first.stop();
    }
    const keyFile = path.join(dataDir, "card-key");
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(dataDir, "dev-credentials.json"), "utf8"))).toMatchObject({ bank: { id: TEST_BANK.id } });

    const second = await portalAt();
    try {
      const reloaded = (await (await second.browser.get(`/api/cards/${card.id}`)).json()) as { card: CardView };
      expect(reloaded.card.pins.userAuth.triesLeft).toBe(2);
      expect((await approveAuth(second, card.id, HANAKO_PINS.userAuthPin)).status).toBe(200);
      const stored = await second.portal.store.cards.get(card.id);
      const state = JSON.stringify(stored?.state);
      expect(state).not.toContain(HANAKO_PINS.signingPin);
      expect(state).not.toContain("PRIVATE KEY");
    } finally {
      await second.stop();
    }

    const wrongKey = await portalAt(new Uint8Array(32).fill(7));
    try {
      const response = await wrongKey.browser.get(`/api/cards/${card.id}`);
      expect(response.status).toBe(500);
      expect(((await response.json()) as { code: string }).code).toBe("CARD_STATE_UNREADABLE");
    } finally {
      await wrongKey.stop();
    }
  });
});

const reachable = await postgresReachable("persistence.test.ts", POSTGRES_URL);

describe.skipIf(!reachable)("on PostgreSQL", () => {
  const schema = uniqueSchemaName("portal_test");
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ portal: { database: { kind: "postgres", url: POSTGRES_URL, schema } } });
  });
  afterAll(async () => {
    await sandbox?.stop();
    await dropSchema(schema, POSTGRES_URL);
  });

  it("issues a card and signs an approval, all rows in the portal's own schema", async () => {
    expect(sandbox.portal.database.describe()).toContain(`schema ${schema}`);
    const card = await sandbox.issueHanako();
    expect((await approveAuth(sandbox, card.id, HANAKO_PINS.userAuthPin)).status).toBe(200);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."Card"`);
      expect(rows[0]).toEqual({ n: 1 });
    } finally {
      await client.end();
    }
  });
});
