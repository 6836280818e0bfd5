/**
 * The `jpki-sandbox` CLI against a real jlis (in-process, port 0): the "Done when" — the CLI creates
 * hanako, OCSP says good, a revocation makes it revoked, and the clock moves.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { main } from "@jpki-sandbox/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestJlis, TEST_ADMIN_PASSWORD, TEST_COUNTER_SECRET, type TestJlis } from "./test-support/test-jlis.js";

const run = promisify(execFile);
let t: TestJlis;
let env: Record<string, string>;
const dataDir = mkdtempSync(path.join(tmpdir(), "jlis-cli-"));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  t = await startTestJlis();
  env = {
    JPKI_JLIS_URL: t.url,
    JPKI_JLIS_COUNTER_ID: "test-counter",
    JPKI_JLIS_COUNTER_SECRET: TEST_COUNTER_SECRET,
    JPKI_JLIS_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    JPKI_DATA_DIR: dataDir,
  };
});
afterAll(() => t?.stop());

describe("jpki-sandbox against jlis", () => {
  let created: { residentId: string; cardId: string; sSerial: string; rSerial: string; sCertificate: string; rCertificate: string; keysDir: string };

  it("citizen create --persona hanako --json issues her card; openssl verifies both certificates", async () => {
    const result = await cli("citizen", "create", "--persona", "hanako", "--json");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    created = JSON.parse(result.out) as typeof created;
    expect(created.sSerial).toMatch(/^[0-9a-f]+$/);
    expect(created.rSerial).toMatch(/^[0-9a-f]+$/);
    for (const kind of ["s", "r"] as const) {
      const ca = path.join(dataDir, `${kind}-ca.pem`);
      writeFileSync(ca, await (await t.call(`/ca/${kind}.pem`)).text());
      const { stdout } = await run("openssl", ["verify", "-CAfile", ca, path.join(created.keysDir, `${kind}.pem`)]);
      expect(stdout).toContain(": OK");
    }
  });

  it("ocsp: good (exit 0), then revoked with the reason (exit 1) after `revoke`", async () => {
    const certificate = path.join(created.keysDir, "s.pem");
    const good = await cli("ocsp", certificate, "--json");
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ status: "good" });
    expect((await cli("revoke", created.sSerial, "--reason", "keyCompromise")).code).toBe(0);
    const revoked = await cli("ocsp", certificate, "--json");
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.out)).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    expect((await cli("ocsp", path.join(created.keysDir, "r.pem"))).code).toBe(0);
  });

  it("clock show / advance move the sandbox time; a problem from jlis is one line and exit 2", async () => {
    expect((await cli("clock", "advance", "P1D")).code).toBe(0);
    const shown = await cli("clock", "show", "--json");
    expect(JSON.parse(shown.out).offsetMs).toBeGreaterThanOrEqual(86_400_000);
    const again = await cli("revoke", created.sSerial, "--reason", "keyCompromise");
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/CERTIFICATE_ALREADY_REVOKED/);
  });
});
