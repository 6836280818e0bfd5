/**
 * CMS against OpenSSL 3.0 (`openssl cms`), an implementation independent of ours: it must verify what signCms
 * makes, and verifyCms must accept what it signs (attached, detached, -noattr, -keyid).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as pkijs from "pkijs";
import { getCrypto } from "../crypto/provider.js";
import { bytesToHex, toBytes } from "../encoding/pem.js";
import {
  FIXTURE_ISSUED_AT,
  sandboxFixture,
  tempDir,
  writeKeyPem,
  writePem,
  type SandboxFixture,
} from "../test-support/fixtures.js";
import { openssl, opensslOk } from "../test-support/openssl.js";
import { signCms, signCmsPem } from "./sign.js";
import { verifyCms } from "./verify.js";

// Binary on purpose: CR LF, NUL, 0xff and UTF-8 must come back byte for byte (hence -binary).
const CONTENT = Uint8Array.from([
  ...new TextEncoder().encode("口座開設申込書\r\n氏名: 総務　花子\r\n"),
  0x00,
  0xff,
  0x0a,
  0x0d,
]);
/** A day after issuance, so the result does not depend on the machine's clock. */
const AT_TIME = String(Math.floor(FIXTURE_ISSUED_AT.getTime() / 1000) + 86_400);

let f: SandboxFixture;
let dir: string;
let caPem: string;
let signerPem: string;
let signerKey: string;
let contentFile: string;

beforeAll(async () => {
  f = await sandboxFixture();
  dir = tempDir("jpki-cms-");
  caPem = writePem(dir, "s-ca.pem", f.S.ca.certificate);
  signerPem = writePem(dir, "s.pem", f.hanakoS.certificate);
  signerKey = await writeKeyPem(dir, "s.key", f.hanakoS.keys.privateKey);
  contentFile = join(dir, "content.bin");
  writeFileSync(contentFile, CONTENT);
});

function opensslVerify(cmsFile: string, inform: "DER" | "PEM", extra: string[] = []): Uint8Array<ArrayBuffer> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.bin`);
  const args = ["cms", "-verify", "-binary", "-inform", inform, "-in", cmsFile, "-CAfile", caPem];
  opensslOk([...args, "-attime", AT_TIME, "-purpose", "any", ...extra, "-out", out]);
  return toBytes(readFileSync(out));
}

describe("openssl cms -verify accepts signCms", () => {
  it("attached, DER: outputs the exact content", async () => {
    const der = await signCms({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer });
    const file = join(dir, "attached.der");
    writeFileSync(file, der);
    expect(bytesToHex(opensslVerify(file, "DER"))).toBe(bytesToHex(CONTENT));
  });

  it("detached, DER, with -content", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      detached: true,
    });
    const file = join(dir, "detached.der");
    writeFileSync(file, der);
    expect(bytesToHex(opensslVerify(file, "DER", ["-content", contentFile]))).toBe(bytesToHex(CONTENT));
    // and refuses other content
    const other = join(dir, "other.bin");
    writeFileSync(other, CONTENT.slice(1));
    const result = openssl([
      "cms", "-verify", "-binary", "-inform", "DER", "-in", file, "-CAfile", caPem,
      "-attime", AT_TIME, "-purpose", "any", "-content", other, "-out", join(dir, "x.bin"),
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/verification failure/i);
  });

  it("PEM with the CMS label (-inform PEM)", async () => {
    const pem = await signCmsPem({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer });
    const file = join(dir, "attached.pem");
    writeFileSync(file, pem);
    expect(bytesToHex(opensslVerify(file, "PEM"))).toBe(bytesToHex(CONTENT));
  });

  it("with the CA among the certificates, and sees the signingTime we wrote", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: new Date("2026-04-01T01:02:03Z"),
      extraCertificates: [f.S.ca.certificate],
    });
    const file = join(dir, "with-ca.der");
    writeFileSync(file, der);
    expect(bytesToHex(opensslVerify(file, "DER"))).toBe(bytesToHex(CONTENT));
    const printed = opensslOk(["cms", "-cmsout", "-print", "-inform", "DER", "-in", file]).stdout;
    expect(printed).toMatch(/UTCTIME:Apr\s+1 01:02:03 2026 GMT/);
    expect(printed).toMatch(/algorithm: rsaEncryption/);
  });
});

describe("verifyCms accepts openssl cms -sign", () => {
  function opensslSign(name: string, extra: string[], outform: "DER" | "PEM" = "DER"): Uint8Array<ArrayBuffer> {
    const out = join(dir, name);
    opensslOk([
      "cms", "-sign", "-binary", "-outform", outform, "-signer", signerPem, "-inkey", signerKey,
      "-in", contentFile, "-md", "sha256", "-out", out, ...extra,
    ]);
    return toBytes(readFileSync(out));
  }

  it("attached (-nodetach)", async () => {
    const verified = await verifyCms(opensslSign("o-attached.der", ["-nodetach"]));
    expect(bytesToHex(verified.content)).toBe(bytesToHex(CONTENT));
    expect(bytesToHex(verified.signerCertificate.rawData)).toBe(bytesToHex(f.hanakoS.certificate.rawData));
    expect(verified.digestAlgorithm).toBe("SHA-256");
    expect(verified.hasSignedAttributes).toBe(true);
    expect(verified.signingTime).toBeInstanceOf(Date);
  });

  it("detached", async () => {
    const der = opensslSign("o-detached.der", []);
    expect(await verifyCms(der).catch((e: { code: string }) => e.code)).toBe("CMS_CONTENT_MISSING");
    const verified = await verifyCms(der, { detachedContent: CONTENT });
    expect(bytesToHex(verified.content)).toBe(bytesToHex(CONTENT));
    await expect(verifyCms(der, { detachedContent: CONTENT.slice(1) })).rejects.toMatchObject({
      code: "CMS_DIGEST_MISMATCH",
    });
  });

  it("without signed attributes (-noattr): the signature is over the content itself", async () => {
    const der = opensslSign("o-noattr.der", ["-nodetach", "-noattr"]);
    const verified = await verifyCms(der);
    expect(verified.hasSignedAttributes).toBe(false);
    expect(verified.signingTime).toBeUndefined();
    expect(bytesToHex(verified.content)).toBe(bytesToHex(CONTENT));

    const detachedNoAttr = opensslSign("o-noattr-detached.der", ["-noattr"]);
    expect((await verifyCms(detachedNoAttr, { detachedContent: CONTENT })).content).toHaveLength(CONTENT.length);
    // no messageDigest to compare: other content shows as a bad signature
    await expect(verifyCms(detachedNoAttr, { detachedContent: CONTENT.slice(1) })).rejects.toMatchObject({
      code: "CMS_SIGNATURE_INVALID",
    });
  });

  it("signer identified by SubjectKeyIdentifier (-keyid)", async () => {
    const verified = await verifyCms(opensslSign("o-keyid.der", ["-nodetach", "-keyid"]));
    expect(bytesToHex(verified.signerCertificate.rawData)).toBe(bytesToHex(f.hanakoS.certificate.rawData));
  });

  it("without the signer certificate (-nocerts): CMS_SIGNER_CERTIFICATE_MISSING", async () => {
    await expect(verifyCms(opensslSign("o-nocerts.der", ["-nodetach", "-nocerts"]))).rejects.toMatchObject({
      code: "CMS_SIGNER_CERTIFICATE_MISSING",
    });
  });

  it("PEM output (-outform PEM)", async () => {
    const pem = new TextDecoder().decode(opensslSign("o-attached.pem", ["-nodetach"], "PEM"));
    expect(pem).toMatch(/^-----BEGIN CMS-----/);
    expect(bytesToHex((await verifyCms(pem)).content)).toBe(bytesToHex(CONTENT));
  });

  it("writes the same algorithm identifiers and versions as signCms", async () => {
    // OpenSSL also adds sMIMECapabilities to signedAttrs, so the signed bytes differ; the algorithm choices
    // (sha256 without parameters, rsaEncryption with NULL, SignedData and SignerInfo v1) must not.
    const theirs = opensslSign("o-algorithms.der", ["-nodetach"]);
    const ours = await signCms({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer });
    const summary = (der: Uint8Array<ArrayBuffer>) => {
      getCrypto();
      const sd = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(der).content });
      const si = sd.signerInfos[0]!;
      return {
        version: sd.version,
        digestAlgorithms: sd.digestAlgorithms.map((a) => bytesToHex(new Uint8Array(a.toSchema().toBER()))),
        signerInfoVersion: si.version,
        sid: si.sid instanceof pkijs.IssuerAndSerialNumber,
        digestAlgorithm: bytesToHex(new Uint8Array(si.digestAlgorithm.toSchema().toBER())),
        signatureAlgorithm: bytesToHex(new Uint8Array(si.signatureAlgorithm.toSchema().toBER())),
        eContentType: sd.encapContentInfo.eContentType,
      };
    };
    expect(summary(ours)).toEqual(summary(theirs));
    const printed = opensslOk(["cms", "-cmsout", "-print", "-inform", "DER", "-in", join(dir, "o-algorithms.der")]);
    expect(printed.stdout).toMatch(/S\/MIME Capabilities/);
  });
});
