/** CRLs against OpenSSL 3: it verifies our signature, prints our extensions, and applies them in `verify`. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HANAKO } from "../persona/persona.js";
import { sandboxFixture, tempDir, writePem, type SandboxFixture } from "../test-support/fixtures.js";
import { openssl, opensslOk } from "../test-support/openssl.js";
import { buildCrl, type BuildCrlOptions } from "./build.js";
import { parseCrl } from "./parse.js";

let f: SandboxFixture;
let dir: string;
let caPem: string;
let certPem: string;

beforeAll(async () => {
  f = await sandboxFixture();
  dir = tempDir("jpki-crl-");
  caPem = writePem(dir, "ca.pem", f.S.ca.certificate);
  certPem = writePem(dir, "hanako-s.pem", f.hanakoS.certificate);
});

/** The time openssl verifies at (inside the fixtures' validity, so the test never ages out). */
const AT = new Date("2027-01-01T00:00:00Z");

/** A CRL current at AT (openssl verify checks thisUpdate/nextUpdate against -attime). */
async function crlFile(name: string, options: Partial<BuildCrlOptions> = {}): Promise<string> {
  const thisUpdate = new Date(AT.getTime() - 3_600_000);
  const { pem } = await buildCrl({
    ca: f.S.ca,
    crlNumber: 42n,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + 86_400_000),
    entries: [
      { serialNumber: f.hanakoS.certificate.serialNumber, revokedAt: new Date("2026-06-01T00:00:00Z"), reason: "affiliationChanged" },
      { serialNumber: "00abcdef", revokedAt: new Date("2026-06-02T00:00:00Z"), reason: "keyCompromise" },
    ],
    ...options,
  });
  const path = join(dir, name);
  writeFileSync(path, pem);
  return path;
}

function verifyWithCrl(crlPath: string) {
  const attime = String(AT.getTime() / 1000);
  const result = openssl(["verify", "-attime", attime, "-crl_check", "-CRLfile", crlPath, "-CAfile", caPem, certPem]);
  return { ...result, text: `${result.stdout}${result.stderr}` };
}

describe("openssl reads jpki-core's CRLs", () => {
  it("`openssl crl -CAfile` verifies the signature", async () => {
    const result = opensslOk(["crl", "-in", await crlFile("full.pem"), "-CAfile", caPem, "-noout"]);
    expect(result.stderr).toContain("verify OK");
  });

  it("`openssl crl -text` shows the CRL number, reasons, AKI and the critical IDP", async () => {
    const path = await crlFile("scoped.pem", { municipality: HANAKO });
    const text = opensslOk(["crl", "-in", path, "-text", "-noout"]).stdout;
    expect(text).toMatch(/X509v3 CRL Number: *\n\s*42\n/);
    expect(text).toContain("X509v3 Authority Key Identifier");
    expect(text).toContain("Affiliation Changed");
    expect(text).toContain("Key Compromise");
    expect(text).toContain("ABCDEF");
    expect(text).toMatch(/X509v3 Issuing Distribution Point: critical/);
    expect(text).toMatch(/DirName:.*OU ?= ?CRL Distribution Points.*CN ?= ?Chiyoda-ku CRLDP/);
    expect(text).toContain("Only User Certificates");
    // And our parser agrees with what openssl printed.
    const parsed = parseCrl(readFileSync(path, "utf8"));
    expect(parsed.crlNumber).toBe(42n);
    expect(parsed.findRevocation("abcdef")?.reason).toBe("keyCompromise");
    expect(parsed.distributionPoint?.critical).toBe(true);
  });

  it("`openssl verify -crl_check` reports 花子's certificate revoked by the full CRL", async () => {
    const result = verifyWithCrl(await crlFile("full-verify.pem"));
    expect(result.status).not.toBe(0);
    expect(result.text).toContain("certificate revoked");
  });

  it("the municipality's scoped CRL applies to 花子's certificate (IDP matches its CRL DP)", async () => {
    const revoked = verifyWithCrl(await crlFile("chiyoda.pem", { municipality: HANAKO }));
    expect(revoked.text).toContain("certificate revoked");
    const clean = verifyWithCrl(await crlFile("chiyoda-empty.pem", { municipality: HANAKO, entries: [] }));
    expect(clean.text).toContain(": OK");
    expect(clean.status).toBe(0);
  });

  it("another municipality's CRL does not cover her certificate", async () => {
    const result = verifyWithCrl(
      await crlFile("minato.pem", { municipality: { prefectureRomaji: "Tokyo-to", cityRomaji: "Minato-ku" } }),
    );
    expect(result.status).not.toBe(0);
    expect(result.text).toContain("different CRL scope"); // X509_V_ERR_DIFFERENT_CRL_SCOPE
  });
});
