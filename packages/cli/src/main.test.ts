/** The CLI in-process, as a newcomer uses it (README), checked with openssl. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./io.js";
import { main } from "./main.js";

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

function openssl(...args: string[]) {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const work = mkdtempSync(join(tmpdir(), "jpki-cli-"));
const ca = join(work, "ca");

beforeAll(async () => {
  const init = await run("ca", "init", "--dir", ca);
  expect(init).toMatchObject({ code: 0 });
});

describe("jpki-sandbox ca init", () => {
  it("writes both CAs, responders and 0600 keys", () => {
    for (const kind of ["s", "r"]) {
      for (const name of [`${kind}-ca.pem`, `${kind}-ca.key.pem`, `${kind}-ocsp.pem`, `${kind}-ocsp.key.pem`]) {
        expect(existsSync(join(ca, name))).toBe(true);
      }
      expect(statSync(join(ca, `${kind}-ca.key.pem`)).mode & 0o777).toBe(0o600);
      expect(openssl("verify", "-CAfile", join(ca, `${kind}-ca.pem`), join(ca, `${kind}-ocsp.pem`)).status).toBe(0);
    }
  });

  it("refuses to overwrite a CA without --force", async () => {
    const again = await run("ca", "init", "--dir", ca);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists \(use --force/);
  });
});

describe("jpki-sandbox cert issue / show / lint", () => {
  it("issues 花子's S certificate that openssl verifies (the README's Done-when)", async () => {
    const out = join(work, "s");
    expect((await run("cert", "issue", "--ca", ca, "--kind", "s", "--persona", "hanako", "--out", out)).code).toBe(0);
    expect(openssl("verify", "-CAfile", join(ca, "s-ca.pem"), join(out, "cert.pem")).out).toContain(": OK");
    expect(statSync(join(out, "key.pem")).mode & 0o777).toBe(0o600);
    // the key belongs to the certificate
    const fromCert = openssl("x509", "-in", join(out, "cert.pem"), "-noout", "-pubkey").out;
    const fromKey = openssl("pkey", "-in", join(out, "key.pem"), "-pubout").out;
    expect(fromKey).toBe(fromCert);

    const show = await run("cert", "show", join(out, "cert.pem"));
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("署名用電子証明書");
    expect(show.stdout).toContain("総務　花子");
    expect(show.stdout).toContain("2010-03-31 (heisei)");
    expect(show.stdout).toContain("東京都千代田区霞が関二丁目１番２号");

    const lint = await run("cert", "lint", join(out, "cert.pem"));
    expect(lint).toMatchObject({ code: 0 });
    expect(lint.stdout).toContain("no findings");
  });

  it("issues R from a persona file and shows/lints DER too", async () => {
    const personaFile = join(work, "persona.json");
    writeFileSync(personaFile, JSON.stringify({ ...HANAKO, id: "jiro", name: "行政　次郎", sex: "male", dateOfBirth: "1980-06-15" }));
    const out = join(work, "r");
    expect((await run("cert", "issue", "--ca", ca, "--kind", "r", "--persona", personaFile, "--out", out)).code).toBe(0);
    expect(openssl("verify", "-CAfile", join(ca, "r-ca.pem"), join(out, "cert.pem")).status).toBe(0);
    const der = join(work, "r.der");
    spawnSync("openssl", ["x509", "-in", join(out, "cert.pem"), "-outform", "DER", "-out", der]);
    const show = await run("cert", "show", der, "--json");
    expect(JSON.parse(show.stdout)).toMatchObject({ kind: "R" });
    expect((await run("cert", "lint", der)).code).toBe(0);
  });

  it("lints a generic openssl certificate with findings (exit 1)", async () => {
    const generic = join(work, "generic.pem");
    spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=generic", "-days", "1",
      "-keyout", join(work, "generic.key"), "-out", generic]);
    const lint = await run("cert", "lint", generic);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain("NOT_JPKI_CERTIFICATE");
    const json = await run("cert", "lint", generic, "--json");
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(0);
  });

  it.each([
    ["a missing file", ["cert", "lint", "/nonexistent/cert.pem"], /certificate file not found/],
    ["a file that is no certificate", ["cert", "show", "/etc/hostname"], /CERTIFICATE_MALFORMED/],
    ["an unknown persona", ["cert", "issue", "--ca", ca, "--kind", "s", "--persona", "nobody", "--out", "x"], /unknown persona "nobody"/],
    ["a bad kind", ["cert", "issue", "--ca", ca, "--kind", "q", "--persona", "hanako", "--out", "x"], /--kind must be s or r/],
    ["a missing CA", ["cert", "issue", "--ca", "/nonexistent", "--kind", "s", "--persona", "hanako", "--out", "x"], /S CA certificate not found/],
    ["a missing option", ["ca", "init"], /required option '--dir/],
  ])("answers %s with one line on stderr and exit 2", async (_what, argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("reports an invalid persona file field by field", async () => {
    const bad = join(work, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...HANAKO, sex: "f", localGovernmentCode: "1" }));
    const result = await run("cert", "issue", "--ca", ca, "--kind", "s", "--persona", bad, "--out", join(work, "bad"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sex:.*localGovernmentCode:.*\[PERSONA_INVALID\]/);
    expect(existsSync(join(work, "bad"))).toBe(false); // nothing written for a refused persona
  });
});
