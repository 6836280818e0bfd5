import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveSandboxConfig } from "./config.js";
import { isSandboxError } from "./errors.js";
import { isoDuration } from "./jlis/clock.js";
import { approvalIdOf } from "./portal/approvals.js";

const root = mkdtempSync(join(tmpdir(), "jpki-sandbox-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dataDirWith(admin: Record<"jlis" | "portal", string | undefined>): string {
  const dir = mkdtempSync(join(root, "data-"));
  for (const app of ["jlis", "portal"] as const) {
    mkdirSync(join(dir, app));
    if (admin[app] !== undefined) writeFileSync(join(dir, app, "dev-credentials.json"), JSON.stringify({ admin: { user: "admin", password: admin[app] } }));
  }
  return dir;
}

describe("resolveSandboxConfig", () => {
  it("defaults to the apps' ports and the development password, user admin", () => {
    const config = resolveSandboxConfig({ env: {}, cwd: root });
    expect([config.jlisUrl, config.portalUrl, config.bankUrl]).toEqual(["http://127.0.0.1:4010", "http://127.0.0.1:4030", "http://127.0.0.1:4020"]);
    expect(config.jlisAdmin).toEqual({ username: "admin", password: "sandbox-admin", source: "default" });
    expect(config.portalAdmin.source).toBe("default");
  });

  it("reads JPKI_SANDBOX_* URLs and passwords, without a trailing slash", () => {
    const config = resolveSandboxConfig({
      cwd: root,
      env: { JPKI_SANDBOX_JLIS_URL: "http://jlis.test:1/", JPKI_SANDBOX_PORTAL_URL: "http://portal.test:2", JPKI_SANDBOX_PORTAL_ADMIN_PASSWORD: "p", JPKI_JLIS_ADMIN_PASSWORD: "j" },
    });
    expect([config.jlisUrl, config.portalUrl]).toEqual(["http://jlis.test:1", "http://portal.test:2"]);
    expect([config.portalAdmin.password, config.jlisAdmin.password]).toEqual(["p", "j"]);
  });

  it("finds the apps' dev-credentials.json under JPKI_DATA_DIR, or the nearest .data above the working directory", () => {
    const dataDir = dataDirWith({ jlis: "from-jlis-file", portal: "from-portal-file" });
    const fromEnv = resolveSandboxConfig({ env: { JPKI_DATA_DIR: dataDir }, cwd: root });
    expect([fromEnv.jlisAdmin.password, fromEnv.portalAdmin.password]).toEqual(["from-jlis-file", "from-portal-file"]);
    expect(fromEnv.portalAdmin.source).toBe(join(dataDir, "portal", "dev-credentials.json"));

    const repo = mkdtempSync(join(root, "repo-"));
    const nested = join(repo, "apps", "my-bank");
    mkdirSync(nested, { recursive: true });
    mkdirSync(join(repo, ".data", "portal"), { recursive: true });
    writeFileSync(join(repo, ".data", "portal", "dev-credentials.json"), JSON.stringify({ admin: { password: "found-upwards" } }));
    expect(resolveSandboxConfig({ env: {}, cwd: nested }).portalAdmin.password).toBe("found-upwards");
  });

  it("the options win over the environment, which wins over the files; :memory: apps have no file", () => {
    const dataDir = dataDirWith({ jlis: "file", portal: "file" });
    const env = { JPKI_DATA_DIR: dataDir, JPKI_SANDBOX_JLIS_ADMIN_PASSWORD: "env", JPKI_PORTAL_DATA_DIR: ":memory:" };
    const config = resolveSandboxConfig({ env, jlisAdmin: { password: "option" } });
    expect([config.jlisAdmin.source, config.portalAdmin.source]).toEqual(["options", "default"]);
    expect(resolveSandboxConfig({ env }).jlisAdmin.password).toBe("env");
  });

  it("refuses a URL that is none", () => {
    expect(() => resolveSandboxConfig({ env: {}, jlisUrl: "not a url" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => resolveSandboxConfig({ env: {}, portalUrl: "ftp://x" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("isoDuration", () => {
  it("writes jlis's ISO 8601 durations from calendar parts, and passes durations through", () => {
    expect(isoDuration({ years: 5 })).toBe("P5Y");
    expect(isoDuration({ days: 30, hours: 2 })).toBe("P30DT2H");
    expect(isoDuration({ seconds: 90 })).toBe("PT90S");
    expect(isoDuration("P1Y2M3DT4H5M6S")).toBe("P1Y2M3DT4H5M6S");
  });

  it("refuses nothing, negatives, fractions and non-durations", () => {
    for (const bad of [{}, { days: -1 }, { days: 1.5 }, "5 years", "P", "PT"]) {
      let error: unknown;
      try {
        isoDuration(bad);
      } catch (e) {
        error = e;
      }
      expect(isSandboxError(error, "INVALID_ARGUMENT")).toBe(true);
    }
  });
});

describe("approvalIdOf", () => {
  it("takes the id from an approval URL, or an id as it is", () => {
    expect(approvalIdOf("http://127.0.0.1:4030/approve/req_abc-123")).toBe("req_abc-123");
    expect(approvalIdOf("http://127.0.0.1:4030/approve/req_abc-123?x=1")).toBe("req_abc-123");
    expect(approvalIdOf("req_abc-123")).toBe("req_abc-123");
    expect(() => approvalIdOf("http://127.0.0.1:4030/cards/x")).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
