/**
 * The same jlis on a real PostgreSQL (DATABASE_URL, or the machine's 127.0.0.1:5432), in a schema of its
 * own that is dropped afterwards. Skipped with a message where no PostgreSQL answers (CI always has one).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "@jpki-sandbox/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ocspStatusOf, startTestJlis, type TestJlis } from "./test-support/test-jlis.js";

const url = TEST_POSTGRES_URL;
const schema = uniqueSchemaName("jlis_test");
const available = await postgresReachable("postgres.test.ts", url);

describe.skipIf(!available)("jlis on PostgreSQL", () => {
  let t: TestJlis;
  let replica: TestJlis;
  // Two replicas share the database and the CA keys (a data directory), as behind a load balancer.
  const dataDir = mkdtempSync(path.join(tmpdir(), "jlis-pg-"));
  beforeAll(async () => {
    t = await startTestJlis({ database: { kind: "postgres", url, schema }, dataDir });
    replica = await startTestJlis({ database: { kind: "postgres", url, schema }, dataDir });
  });
  afterAll(async () => {
    await t?.stop();
    await replica?.stop();
    await dropSchema(schema, url);
  });

  it("migrates its own schema and records the migration as prisma migrate would", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT migration_name, finished_at FROM "${schema}"."_prisma_migrations"`);
      expect(rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(["20261124000000_init"]);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [schema]);
      expect(tables.rows.map((row: { table_name: string }) => row.table_name)).toEqual(expect.arrayContaining(["Certificate", "Resident", "AuditEvent"]));
    } finally {
      await client.end();
    }
  });

  it("issues a card, revokes, answers OCSP and linkage, and audits — all on PostgreSQL", async () => {
    const hanako = await t.issueCard();
    const bank = await t.addVerifier("pg-bank");
    const link = await t.call(`/linkage/v1/signing-certificates/${hanako.sSerial}/user-auth-certificate`, { auth: bank });
    expect(await link.json()).toMatchObject({ userAuthCertificate: { serialNumber: hanako.rSerial } });
    const lost = await t.call(`/api/v1/cards/${hanako.cardId}/loss`, { auth: t.counterAuth, method: "POST" });
    expect(lost.status).toBe(200);
    const crl = await t.call("/crl/r.crl");
    expect(crl.status).toBe(200);
    const audit = await t.jlis.store.audit.list({ limit: 10 });
    expect(audit.length).toBeGreaterThan(0);
  });

  it("a revocation through one replica shows in the other's next OCSP answer (LISTEN/NOTIFY), as does the clock", async () => {
    const holder = await t.issueCard();
    const statusVia = (jlis: TestJlis) => ocspStatusOf(jlis, "s", holder.sSerial);
    expect(await statusVia(replica)).toBe("good"); // now pre-signed and cached on the replica
    expect(await statusVia(replica)).toBe("good");
    await t.call(`/admin/api/certificates/${holder.sSerial}/revoke`, { auth: t.adminAuth, json: { reason: "keyCompromise" } });
    await vi.waitFor(async () => expect(await statusVia(replica)).toBe("revoked"), { timeout: 10_000, interval: 50 });

    await t.call("/admin/api/clock", { auth: t.adminAuth, json: { advance: "P2D" } });
    await vi.waitFor(() => expect(replica.jlis.clock.offsetMs).toBeGreaterThanOrEqual(2 * 86_400_000), { timeout: 10_000, interval: 50 });
    await t.call("/admin/api/clock", { auth: t.adminAuth, json: { reset: true } });
  });
});
