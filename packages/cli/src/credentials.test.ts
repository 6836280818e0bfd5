/** Where the CLI's jlis credentials come from: flags, then environment, then jlis's dev-credentials.json. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_COUNTER_ID,
  devCredentialsPath,
  readDevCredentials,
  resolveAdminCredential,
  resolveCounterCredential,
} from "./credentials.js";
import { readCliEnv } from "./env.js";
import { CliError } from "./io.js";

/** A JPKI_DATA_DIR whose jlis/dev-credentials.json holds `content` (or nothing when undefined). */
function dataDirWith(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "jpki-cli-cred-"));
  if (content !== undefined) {
    mkdirSync(join(dir, "jlis"));
    writeFileSync(join(dir, "jlis", "dev-credentials.json"), content);
  }
  return dir;
}

const saved = JSON.stringify({ counter: { id: "file-counter", secret: "file-secret-0123456789" }, admin: { user: "admin", password: "file-admin" } });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CliError ? error.code : "not a CliError";
  }
  return undefined;
}

describe("readCliEnv", () => {
  it("reads the JPKI_ variables, treats blanks as unset and defaults the data root to .data", () => {
    expect(readCliEnv({})).toEqual({ dataDir: ".data" });
    expect(readCliEnv({ JPKI_JLIS_URL: "http://x:1", JPKI_DATA_DIR: "/d", JPKI_JLIS_COUNTER_SECRET: "  ", JPKI_JLIS_ADMIN_PASSWORD: "p" })).toEqual({
      jlisUrl: "http://x:1",
      dataDir: "/d",
      adminPassword: "p",
    });
  });
});

describe("devCredentialsPath", () => {
  it("follows jlis: JPKI_JLIS_DATA_DIR, else <JPKI_DATA_DIR>/jlis, none for an in-memory jlis", () => {
    expect(devCredentialsPath(readCliEnv({}))).toBe(join(".data", "jlis", "dev-credentials.json"));
    expect(devCredentialsPath(readCliEnv({ JPKI_DATA_DIR: "/srv/data" }))).toBe("/srv/data/jlis/dev-credentials.json");
    expect(devCredentialsPath(readCliEnv({ JPKI_DATA_DIR: "/srv/data", JPKI_JLIS_DATA_DIR: "/var/jlis" }))).toBe("/var/jlis/dev-credentials.json");
    expect(devCredentialsPath(readCliEnv({ JPKI_JLIS_DATA_DIR: ":memory:" }))).toBeUndefined();
  });
});

describe("resolveCounterCredential", () => {
  it("takes the flags first", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith(saved), JPKI_JLIS_COUNTER_ID: "env-counter", JPKI_JLIS_COUNTER_SECRET: "env-secret" });
    expect(resolveCounterCredential({ counterId: "flag-counter", counterSecret: "flag-secret" }, env)).toEqual({
      user: "flag-counter",
      password: "flag-secret",
      source: "flags",
    });
    // a secret flag alone pairs with the id from the environment
    expect(resolveCounterCredential({ counterSecret: "flag-secret" }, env)).toMatchObject({ user: "env-counter", password: "flag-secret" });
  });

  it("then the environment, with jlis's default counter id when only the secret is set", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith(saved), JPKI_JLIS_COUNTER_SECRET: "env-secret" });
    expect(resolveCounterCredential({}, env)).toEqual({ user: DEFAULT_COUNTER_ID, password: "env-secret", source: "environment" });
  });

  it("then the dev-credentials.json jlis writes", () => {
    const dataDir = dataDirWith(saved);
    const env = readCliEnv({ JPKI_DATA_DIR: dataDir });
    expect(resolveCounterCredential({}, env)).toEqual({
      user: "file-counter",
      password: "file-secret-0123456789",
      source: join(dataDir, "jlis", "dev-credentials.json"),
    });
  });

  it("says how to provide one when there is none (CREDENTIALS_MISSING)", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith() });
    expect(codeOf(() => resolveCounterCredential({}, env))).toBe("CREDENTIALS_MISSING");
    expect(() => resolveCounterCredential({}, env)).toThrow(/--counter-secret.*JPKI_JLIS_COUNTER_SECRET.*npm start.*dev-credentials\.json/);
    // a file without a counter secret does not count
    const partial = readCliEnv({ JPKI_DATA_DIR: dataDirWith(JSON.stringify({ admin: { password: "x" } })) });
    expect(codeOf(() => resolveCounterCredential({}, partial))).toBe("CREDENTIALS_MISSING");
  });

  it("refuses a dev-credentials.json that is not JSON (CREDENTIALS_MALFORMED)", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith("{ not json") });
    expect(codeOf(() => resolveCounterCredential({}, env))).toBe("CREDENTIALS_MALFORMED");
    expect(codeOf(() => readDevCredentials(devCredentialsPath(env)))).toBe("CREDENTIALS_MALFORMED");
  });
});

describe("resolveAdminCredential", () => {
  const dataDir = dataDirWith(saved);

  it("is always user admin: flag, environment, file, then jlis's development default", () => {
    const full = readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_JLIS_ADMIN_PASSWORD: "env-admin" });
    expect(resolveAdminCredential({ adminPassword: "flag-admin" }, full)).toEqual({ user: "admin", password: "flag-admin", source: "flags" });
    expect(resolveAdminCredential({}, full)).toEqual({ user: "admin", password: "env-admin", source: "environment" });
    expect(resolveAdminCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDir }))).toMatchObject({ password: "file-admin" });
    expect(resolveAdminCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDirWith() }))).toEqual({
      user: "admin",
      password: DEFAULT_ADMIN_PASSWORD,
      source: "default",
    });
  });
});
