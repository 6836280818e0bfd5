/**
 * The bank on both databases (DESIGN.md "Data"): on PGlite in a data directory, its customers and S–R links
 * survive a restart; on PostgreSQL (127.0.0.1:5432, or DATABASE_URL), in its own schema, the flow runs the
 * same.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "@jpki-sandbox/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBank } from "./app.js";
import type { StaffCustomerSummary } from "./shared/api-types.js";
import { startBankSandbox, type BankSandbox } from "./test-support/test-sandbox.js";

describe("on PGlite in a data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bank-data-"));
  let t: BankSandbox;
  beforeAll(async () => {
    t = await startBankSandbox({ bank: { dataDir, database: { kind: "pglite", dataDir: path.join(dataDir, "pglite") } } });
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps customers and their S–R links across a restart", async () => {
    const card = await t.issueCard();
    expect((await t.openAccount(card.id)).status).toBe("completed");
    await t.bank.stop();
    const again = await createBank({ ...t.bank.config });
    try {
      const customers = await again.store.customers.list();
      expect(customers).toHaveLength(1);
      expect(await again.store.links.activeOf(customers[0]!.id)).toMatchObject({ signingSerial: card.signingSerial, userAuthSerial: card.userAuthSerial });
    } finally {
      await again.stop();
    }
  });
});

const POSTGRES_URL = process.env.DATABASE_URL ?? TEST_POSTGRES_URL;
const reachable = await postgresReachable("persistence.test.ts", POSTGRES_URL);

describe.skipIf(!reachable)("on PostgreSQL", () => {
  const schema = uniqueSchemaName("bank_test");
  let t: BankSandbox;
  beforeAll(async () => {
    t = await startBankSandbox({ bank: { database: { kind: "postgres", url: POSTGRES_URL, schema } } });
  });
  afterAll(async () => {
    await t?.stop();
    await dropSchema(schema, POSTGRES_URL);
  });

  it("opens an account and logs in, in its own schema", async () => {
    expect(t.bank.database.describe()).toContain(`schema ${schema}`);
    const card = await t.issueCard();
    expect((await t.openAccount(card.id)).status).toBe("completed");
    expect((await t.logIn(card.id)).status).toBe("completed");
    const { customers } = (await (await t.staff.get("/api/staff/customers")).json()) as { customers: StaffCustomerSummary[] };
    expect(customers[0]?.link?.userAuthSerial).toBe(card.userAuthSerial);
  });
});
