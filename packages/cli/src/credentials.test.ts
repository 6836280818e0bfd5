/** Where the CLI's operator credentials come from: flag, environment, the service's dev-credentials.json, default. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ADMIN_PASSWORD,
  devCredentialsPath,
  readDevCredentials,
  resolveAdminCredential,
  resolvePortalOperatorCredential,
} from "./credentials.js";
import { readCliEnv } from "./env.js";
import { CliError } from "./io.js";

/** A JPKI_DATA_DIR whose `<service>/dev-credentials.json` holds `content` (nothing when undefined). */
function dataDirWith(files: { jlis?: string; portal?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "jpki-cli-cred-"));
  for (const [service, content] of Object.entries(files)) {
    mkdirSync(join(dir, service));
    writeFileSync(join(dir, service, "dev-credentials.json"), content);
  }
  return dir;
}

/** What each service writes (apps/jlis ensureDevCounter, apps/portal ensureDevBank). */
const jlisFile = JSON.stringify({ counter: { id: "file-counter", secret: "file-secret-0123456789" }, admin: { user: "admin", password: "jlis-file-admin" } });
const portalFile = JSON.stringify({ bank: { id: "dev-bank", secret: "bank-secret" }, admin: { user: "admin", password: "portal-file-admin" } });

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
    expect(readCliEnv({ JPKI_JLIS_URL: "http://x:1", JPKI_DATA_DIR: "/d", JPKI_PORTAL_ADMIN_PASSWORD: "  ", JPKI_JLIS_ADMIN_PASSWORD: "p" })).toEqual({
      jlisUrl: "http://x:1",
      dataDir: "/d",
      adminPassword: "p",
    });
    expect(readCliEnv({ JPKI_PORTAL_URL: "http://p:2", JPKI_PORTAL_DATA_DIR: "/p", JPKI_PORTAL_ADMIN_PASSWORD: "q" })).toEqual({
      portalUrl: "http://p:2",
      dataDir: ".data",
      portalDataDir: "/p",
      portalAdminPassword: "q",
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

  it("follows the portal: JPKI_PORTAL_DATA_DIR, else <JPKI_DATA_DIR>/portal, none for an in-memory portal", () => {
    expect(devCredentialsPath(readCliEnv({}), "portal")).toBe(join(".data", "portal", "dev-credentials.json"));
    expect(devCredentialsPath(readCliEnv({ JPKI_DATA_DIR: "/srv/data", JPKI_JLIS_DATA_DIR: "/var/jlis" }), "portal")).toBe("/srv/data/portal/dev-credentials.json");
    expect(devCredentialsPath(readCliEnv({ JPKI_PORTAL_DATA_DIR: "/var/portal" }), "portal")).toBe("/var/portal/dev-credentials.json");
    expect(devCredentialsPath(readCliEnv({ JPKI_PORTAL_DATA_DIR: ":memory:" }), "portal")).toBeUndefined();
  });
});

describe("readDevCredentials", () => {
  it("reads the admin member of either service's file and ignores the rest", () => {
    const dataDir = dataDirWith({ jlis: jlisFile, portal: portalFile });
    const env = readCliEnv({ JPKI_DATA_DIR: dataDir });
    expect(readDevCredentials(devCredentialsPath(env))).toEqual({ admin: { user: "admin", password: "jlis-file-admin" } });
    expect(readDevCredentials(devCredentialsPath(env, "portal"), "portal")).toEqual({ admin: { user: "admin", password: "portal-file-admin" } });
    expect(readDevCredentials(join(dataDir, "nothing.json"))).toBeUndefined();
  });

  it("refuses a file that is not JSON, or not an object (CREDENTIALS_MALFORMED), naming the service to restart", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith({ jlis: "{ not json", portal: "42" }) });
    expect(codeOf(() => readDevCredentials(devCredentialsPath(env)))).toBe("CREDENTIALS_MALFORMED");
    expect(() => readDevCredentials(devCredentialsPath(env))).toThrow(/restart jlis/);
    expect(codeOf(() => readDevCredentials(devCredentialsPath(env, "portal"), "portal"))).toBe("CREDENTIALS_MALFORMED");
  });
});

describe("resolveAdminCredential (jlis)", () => {
  const dataDir = dataDirWith({ jlis: jlisFile, portal: portalFile });

  it("is always user admin: flag, environment, jlis's file, then the development default", () => {
    const full = readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_JLIS_ADMIN_PASSWORD: "env-admin", JPKI_PORTAL_ADMIN_PASSWORD: "portal-env" });
    expect(resolveAdminCredential({ adminPassword: "flag-admin" }, full)).toEqual({ user: "admin", password: "flag-admin", source: "flags" });
    expect(resolveAdminCredential({}, full)).toEqual({ user: "admin", password: "env-admin", source: "environment" });
    expect(resolveAdminCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDir }))).toMatchObject({ password: "jlis-file-admin" });
    expect(resolveAdminCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDirWith({ portal: portalFile }) }))).toEqual({
      user: "admin",
      password: DEFAULT_ADMIN_PASSWORD,
      source: "default",
    });
  });
});

describe("resolvePortalOperatorCredential", () => {
  const dataDir = dataDirWith({ jlis: jlisFile, portal: portalFile });

  it("takes --portal-password first, then JPKI_PORTAL_ADMIN_PASSWORD", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_PORTAL_ADMIN_PASSWORD: "portal-env", JPKI_JLIS_ADMIN_PASSWORD: "jlis-env" });
    expect(resolvePortalOperatorCredential({ portalPassword: "flag" }, env)).toEqual({ user: "admin", password: "flag", source: "flags" });
    expect(resolvePortalOperatorCredential({}, env)).toEqual({ user: "admin", password: "portal-env", source: "environment" });
  });

  it("then the portal's dev-credentials.json (never jlis's), in JPKI_PORTAL_DATA_DIR or <JPKI_DATA_DIR>/portal", () => {
    expect(resolvePortalOperatorCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_JLIS_ADMIN_PASSWORD: "jlis-env" }))).toEqual({
      user: "admin",
      password: "portal-file-admin",
      source: join(dataDir, "portal", "dev-credentials.json"),
    });
    const elsewhere = mkdtempSync(join(tmpdir(), "jpki-cli-portal-"));
    writeFileSync(join(elsewhere, "dev-credentials.json"), JSON.stringify({ admin: { password: "own-dir-admin" } }));
    expect(resolvePortalOperatorCredential({}, readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_PORTAL_DATA_DIR: elsewhere }))).toMatchObject({
      password: "own-dir-admin",
    });
  });

  it("then the portal's development default, also for an in-memory portal", () => {
    const onlyJlis = readCliEnv({ JPKI_DATA_DIR: dataDirWith({ jlis: jlisFile }) });
    expect(resolvePortalOperatorCredential({}, onlyJlis)).toEqual({ user: "admin", password: DEFAULT_ADMIN_PASSWORD, source: "default" });
    const inMemory = readCliEnv({ JPKI_DATA_DIR: dataDir, JPKI_PORTAL_DATA_DIR: ":memory:" });
    expect(resolvePortalOperatorCredential({}, inMemory)).toMatchObject({ password: DEFAULT_ADMIN_PASSWORD, source: "default" });
  });

  it("refuses a malformed portal file (CREDENTIALS_MALFORMED)", () => {
    const env = readCliEnv({ JPKI_DATA_DIR: dataDirWith({ portal: "{ not json" }) });
    expect(codeOf(() => resolvePortalOperatorCredential({}, env))).toBe("CREDENTIALS_MALFORMED");
    expect(() => resolvePortalOperatorCredential({}, env)).toThrow(/restart the portal/);
  });
});
