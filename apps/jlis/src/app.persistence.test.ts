/** Persistent mode: PGlite in a data directory and CA keys on disk survive a restart. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createJlis } from "./app.js";
import { testConfig } from "./config/env.js";
import { keyFilePaths } from "./store/key-files.js";

const run = promisify(execFile);

function persistentConfig(dataDir: string, keyPassphrase?: string) {
  return testConfig({ dataDir, database: { kind: "pglite", dataDir: path.join(dataDir, "pglite") }, keyPassphrase, counter: { id: "dev-counter", secret: undefined } });
}

describe("persistent jlis", () => {
  it("keeps CA keys (0600), the dev counter secret, residents and the clock across a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "jlis-persist-"));
    const first = await createJlis(persistentConfig(dataDir));
    const caSerial = first.authorities.S.ca.certificate.serialNumber;
    const secret = first.devCredentials.counter.secret;
    const verifierSecret = first.devCredentials.verifier.secret;
    await first.controls.advanceClock("P1D");
    await first.counter.registerResident({ name: "総務　花子", sex: "female", dateOfBirth: "2010-03-31", address: "東京都千代田区霞が関二丁目１番２号", prefecture: "東京都", city: "千代田区", prefectureRomaji: "Tokyo-to", cityRomaji: "Chiyoda-ku", localGovernmentCode: "131016" });
    await first.stop();

    const keyFile = keyFilePaths(path.join(dataDir, "keys"), "S", "ca").privateKey;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(readFileSync(path.join(dataDir, "dev-credentials.json"), "utf8")) as { counter: { secret: string }; verifier: { id: string; secret: string } };
    expect(credentials.counter.secret).toBe(secret);
    expect(credentials.verifier).toEqual({ id: "sandbox-bank", secret: verifierSecret });

    const second = await createJlis(persistentConfig(dataDir));
    try {
      expect(second.authorities.S.ca.certificate.serialNumber).toBe(caSerial);
      expect(second.devCredentials.counter.secret).toBe(secret);
      expect(second.devCredentials.verifier.secret).toBe(verifierSecret);
      expect(second.clock.offsetMs).toBeGreaterThanOrEqual(86_400_000);
      expect(await second.store.residents.count()).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("encrypts private keys with the passphrase (openssl reads them with it) and refuses to start without it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "jlis-encrypted-"));
    const first = await createJlis(persistentConfig(dataDir, "correct horse battery staple"));
    await first.stop();
    const keyFile = keyFilePaths(path.join(dataDir, "keys"), "R", "ocsp").privateKey;
    expect(readFileSync(keyFile, "utf8")).toContain("BEGIN ENCRYPTED PRIVATE KEY");
    const { stdout } = await run("openssl", ["pkey", "-in", keyFile, "-passin", "pass:correct horse battery staple", "-noout", "-text"]);
    expect(stdout).toContain("Private-Key: (2048 bit");
    await expect(createJlis(persistentConfig(dataDir))).rejects.toThrow(/JPKI_JLIS_KEY_PASSPHRASE/);
  });
});
