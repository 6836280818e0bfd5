/**
 * The `jpki-sandbox` CLI against a real portal and jlis (in-process, port 0): `citizen create` makes a real
 * virtual card in the portal; openssl verifies both certificates; OCSP says good, a revocation makes it
 * revoked; the clock moves.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { main } from "@jpki-sandbox/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, TEST_ADMIN_PASSWORD, type TestSandbox } from "./test-support/test-sandbox.js";

const run = promisify(execFile);
let sandbox: TestSandbox;
let env: Record<string, string>;
const dir = mkdtempSync(path.join(tmpdir(), "portal-cli-"));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  env = {
    JPKI_PORTAL_URL: sandbox.url,
    JPKI_PORTAL_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    JPKI_JLIS_URL: sandbox.jlisUrl,
    JPKI_JLIS_ADMIN_PASSWORD: sandbox.jlis.config.adminPassword,
    JPKI_DATA_DIR: dir,
  };
});
afterAll(() => sandbox?.stop());

describe("jpki-sandbox against the portal and jlis", () => {
  let created: { residentId: string; cardId: string; sSerial: string; rSerial: string; sCertificate: string; rCertificate: string; walletUrl: string };
  const certificateFile = (kind: "s" | "r") => path.join(dir, `${kind}.pem`);

  it("citizen create --persona hanako --json issues her virtual card in the portal; openssl verifies both certificates", async () => {
    const result = await cli("citizen", "create", "--persona", "hanako", "--json");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    created = JSON.parse(result.out) as typeof created;
    expect(created.sSerial).toMatch(/^[0-9a-f]+$/);
    expect(created.rSerial).toMatch(/^[0-9a-f]+$/);
    expect(created.walletUrl).toBe(`${sandbox.url}/cards/${created.cardId}`);
    // The card is in the portal's wallet, with the PINs the CLI set.
    const card = (await (await sandbox.browser.get(`/api/cards/${created.cardId}`)).json()) as { card: { certificates: { signing: { serialNumber: string } } } };
    expect(card.card.certificates.signing.serialNumber).toBe(created.sSerial);
    writeFileSync(certificateFile("s"), created.sCertificate);
    writeFileSync(certificateFile("r"), created.rCertificate);
    for (const kind of ["s", "r"] as const) {
      const ca = path.join(dir, `${kind}-ca.pem`);
      writeFileSync(ca, await (await fetch(`${sandbox.jlisUrl}/ca/${kind}.pem`)).text());
      const { stdout } = await run("openssl", ["verify", "-CAfile", ca, certificateFile(kind)]);
      expect(stdout).toContain(": OK");
    }
  });

  it("ocsp: good (exit 0), then revoked with the reason (exit 1) after `revoke`", async () => {
    const good = await cli("ocsp", certificateFile("s"), "--json");
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ status: "good" });
    expect((await cli("revoke", created.sSerial, "--reason", "keyCompromise")).code).toBe(0);
    const revoked = await cli("ocsp", certificateFile("s"), "--json");
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.out)).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    expect((await cli("ocsp", certificateFile("r"))).code).toBe(0);
  });

  it("clock advance moves the sandbox time; problems are one line and exit 2", async () => {
    expect((await cli("clock", "advance", "P1D")).code).toBe(0);
    const shown = await cli("clock", "show", "--json");
    expect(JSON.parse(shown.out).offsetMs).toBeGreaterThanOrEqual(86_400_000);
    const again = await cli("revoke", created.sSerial, "--reason", "keyCompromise");
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/CERTIFICATE_ALREADY_REVOKED/);
    const badPin = await cli("citizen", "create", "--persona", "hanako", "--user-auth-pin", "12");
    expect(badPin.code).toBe(2);
    expect(badPin.err).not.toContain("12 ");
    const wrongPassword = { ...env, JPKI_PORTAL_ADMIN_PASSWORD: "wrong" };
    const previous = env;
    env = wrongPassword;
    try {
      const refused = await cli("citizen", "create", "--persona", "hanako");
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/UNAUTHENTICATED/);
    } finally {
      env = previous;
    }
  });
});
