/** OpenSSL, an implementation independent of ours, accepts what jpki-core issues (issue #3 item 5). */
import { describe, expect, it } from "vitest";
import { HANAKO } from "../persona/persona.js";
import { caFixture, holder, sandboxFixture, tempDir, writePem } from "../test-support/fixtures.js";
import { openssl, opensslOk } from "../test-support/openssl.js";

async function files() {
  const f = await sandboxFixture();
  const dir = tempDir();
  return {
    f,
    sCa: writePem(dir, "s-ca.pem", f.S.ca.certificate),
    rCa: writePem(dir, "r-ca.pem", f.R.ca.certificate),
    s: writePem(dir, "s.pem", f.hanakoS.certificate),
    r: writePem(dir, "r.pem", f.hanakoR.certificate),
    sResponder: writePem(dir, "s-ocsp.pem", f.S.responder.certificate),
    dir,
  };
}

/** `openssl verify` at a fixed time inside the fixtures' validity (2027-01-01). */
const AT = ["-attime", String(Date.UTC(2027, 0, 1) / 1000)];

describe("openssl accepts sandbox certificates", () => {
  it("verifies the S and R chains", async () => {
    const { sCa, rCa, s, r } = await files();
    expect(opensslOk(["verify", ...AT, "-CAfile", sCa, s]).stdout).toContain(": OK");
    expect(opensslOk(["verify", ...AT, "-CAfile", rCa, r]).stdout).toContain(": OK");
  });

  it("verifies the OCSP responder certificate, with OCSP Signing and OCSP No Check", async () => {
    const { sCa, sResponder } = await files();
    expect(opensslOk(["verify", ...AT, "-purpose", "ocsphelper", "-CAfile", sCa, sResponder]).stdout).toContain(": OK");
    const text = opensslOk(["x509", "-in", sResponder, "-noout", "-text"]).stdout;
    expect(text).toContain("OCSP Signing");
    expect(text).toContain("OCSP No Check");
  });

  it("shows the S profile: test policy, critical keyUsage with Non Repudiation, the otherName OIDs", async () => {
    const { s } = await files();
    const text = opensslOk(["x509", "-in", s, "-noout", "-text"]).stdout;
    expect(text).toContain("Policy: 1.2.392.200149.8.5.1.0.20");
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    for (const arc of [1, 4, 3, 5, 2, 6]) expect(text).toContain(`othername: 1.2.392.200149.8.5.5.${arc}:`);
    expect(text).toContain("Subject: C = JP, L = Tokyo-to, L = Chiyoda-ku, CN = ");
    expect(text).toContain("DirName:C = JP, O = JPKI-SANDBOX, OU = JPKI for digital signature, OU = CRL Distribution Points, OU = Tokyo-to, CN = Chiyoda-ku CRLDP");
    expect(text).toContain("OCSP - URI:http://localhost:4010/ocsp/s");
  });

  it("shows the R profile: its policy, critical keyUsage without Non Repudiation, no SAN", async () => {
    const { r } = await files();
    const text = opensslOk(["x509", "-in", r, "-noout", "-text"]).stdout;
    expect(text).toContain("Policy: 1.2.392.200149.8.5.1.3.30");
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(text).not.toContain("Subject Alternative Name");
    expect(text).toMatch(/Subject: C = JP, CN = \d{28}\n/);
  });

  it("finds the four attributes as UTF8Strings in the SAN (asn1parse)", async () => {
    const { s } = await files();
    const outer = opensslOk(["asn1parse", "-in", s]).stdout.split("\n");
    const oidLine = outer.findIndex((l) => l.includes(":X509v3 Subject Alternative Name"));
    const offset = outer[oidLine + 1]!.split(":")[0]!.trim();
    const san = opensslOk(["asn1parse", "-in", s, "-strparse", offset]).stdout;
    const values = [...san.matchAll(/UTF8STRING\s+:(.*)$/gm)].map((m) => m[1]);
    expect(values).toEqual([
      HANAKO.name,
      "420100331",
      "2",
      HANAKO.address,
      "00000",
      "0".repeat([...HANAKO.address].length),
    ]);
  });

  it("refuses an S certificate against the R root, a tampered one, and an expired one", async () => {
    const { f, rCa, sCa, s, dir } = await files();
    expect(openssl(["verify", ...AT, "-CAfile", rCa, s]).status).not.toBe(0);

    const der = new Uint8Array(f.hanakoS.certificate.rawData);
    der[der.length - 3]! ^= 0xff;
    const tampered = `${dir}/tampered.der`;
    (await import("node:fs")).writeFileSync(tampered, der);
    const bad = openssl(["verify", ...AT, "-CAfile", sCa, tampered]);
    expect(bad.status).not.toBe(0);

    const expired = openssl(["verify", "-attime", String(Date.UTC(2032, 0, 1) / 1000), "-CAfile", sCa, s]);
    expect(expired.status).not.toBe(0);
    expect(expired.stderr + expired.stdout).toContain("certificate has expired");
  });

  it("refuses a certificate from another sandbox CA with the same DN (wrong key)", async () => {
    const { sCa, dir } = await files();
    const other = await caFixture("S");
    const foreign = await holder(other.ca, "S");
    const path = writePem(dir, "foreign.pem", foreign.certificate);
    expect(openssl(["verify", ...AT, "-CAfile", sCa, path]).status).not.toBe(0);
  });
});
