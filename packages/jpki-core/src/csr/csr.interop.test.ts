/**
 * PKCS#10 against OpenSSL 3.0 (`openssl req`), an implementation independent of ours: it must verify what
 * createCertificationRequest makes, and verifyCertificationRequest must accept what it makes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportPublicKeyDer, generateRsaKeyPair, importPrivateKey, publicKeyFromPrivateKey } from "../crypto/keys.js";
import { createSoftwareSigner } from "../crypto/signer.js";
import { bytesToHex, pemOrDerToDer, type Bytes } from "../encoding/pem.js";
import { codeOf } from "../test-support/error-code.js";
import { tempDir, writeKeyPem } from "../test-support/fixtures.js";
import { openssl, opensslOk } from "../test-support/openssl.js";
import { createCertificationRequest } from "./create.js";
import { csrToPem } from "./pem.js";
import { verifyCertificationRequest } from "./verify.js";

let dir: string;
let keys: CryptoKeyPair;
let keyFile: string;
let spkiHex: string;
beforeAll(async () => {
  dir = tempDir("jpki-csr-");
  keys = await generateRsaKeyPair();
  keyFile = await writeKeyPem(dir, "card.key", keys.privateKey);
  spkiHex = bytesToHex(await exportPublicKeyDer(keys.publicKey));
});

function file(name: string, contents: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

/** `openssl req -new` with the given key file and options; returns the request as PEM text. */
function opensslRequest(key: string, ...extra: string[]): string {
  const out = join(dir, `req-${Math.random().toString(36).slice(2)}.pem`);
  opensslOk(["req", "-new", "-key", key, "-subj", "/CN=x", "-out", out, ...extra]);
  return readFileSync(out, "utf8");
}

/** An RSA key made by openssl (so outside what WebCrypto providers will generate). */
function opensslKey(name: string, ...pkeyopts: string[]): string {
  const out = join(dir, name);
  opensslOk(["genpkey", "-algorithm", "RSA", ...pkeyopts.flatMap((o) => ["-pkeyopt", o]), "-out", out]);
  return out;
}

describe("openssl req accepts createCertificationRequest", () => {
  let ours: Bytes;
  let pemFile: string;
  beforeAll(async () => {
    ours = await createCertificationRequest({ publicKey: keys.publicKey, signer: await createSoftwareSigner(keys.privateKey) });
    pemFile = file("ours.pem", csrToPem(ours));
  });

  it("verifies its self-signature (PEM and DER)", () => {
    const pem = opensslOk(["req", "-in", pemFile, "-noout", "-verify"]);
    expect(pem.stdout + pem.stderr).toMatch(/verify OK/);
    const derFile = file("ours.der", ours);
    const der = opensslOk(["req", "-inform", "DER", "-in", derFile, "-noout", "-verify"]);
    expect(der.stdout + der.stderr).toMatch(/verify OK/);
  });

  it("refuses it once the signature is altered", () => {
    const tampered = ours.slice();
    tampered[tampered.length - 1]! ^= 0x01;
    const result = openssl(["req", "-inform", "DER", "-in", file("tampered.der", tampered), "-noout", "-verify"]);
    // OpenSSL 3.0's `req -verify` exits 0 either way: only its words tell.
    expect(result.stdout + result.stderr).toMatch(/verify failure/);
    expect(result.stdout + result.stderr).not.toMatch(/verify OK/);
  });

  it("reads sha256WithRSAEncryption, the subject, no attributes and our key", () => {
    const text = opensslOk(["req", "-in", pemFile, "-noout", "-text"]).stdout;
    expect(text).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).toMatch(/Subject: CN = JPKI-SANDBOX card key \(TEST ONLY\)/);
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(text).toMatch(/Attributes:\s+\(none\)/);
    const pubkey = opensslOk(["req", "-in", pemFile, "-noout", "-pubkey"]).stdout;
    expect(bytesToHex(pemOrDerToDer(pubkey, ["PUBLIC KEY"]))).toBe(spkiHex);
  });

  it("sees NULL parameters after sha256WithRSAEncryption and a UTF8String CN (asn1parse)", () => {
    const lines = opensslOk(["asn1parse", "-in", pemFile]).stdout.split("\n");
    const algorithm = lines.findIndex((line) => line.includes(":sha256WithRSAEncryption"));
    expect(algorithm).toBeGreaterThan(0);
    expect(lines[algorithm + 1]).toMatch(/prim: NULL/);
    expect(lines.find((line) => line.includes(":commonName"))).toBeDefined();
    expect(lines.some((line) => /UTF8STRING\s+:JPKI-SANDBOX card key \(TEST ONLY\)/.test(line))).toBe(true);
  });
});

describe("verifyCertificationRequest accepts openssl req", () => {
  it("a SHA-256 request, PEM and DER, with the key openssl signed with", async () => {
    const pem = opensslRequest(keyFile, "-sha256");
    const verified = await verifyCertificationRequest(pem);
    expect(verified.subject).toBe("CN=x");
    expect(bytesToHex(verified.publicKeyDer)).toBe(spkiHex);
    expect(bytesToHex(await exportPublicKeyDer(verified.publicKey))).toBe(spkiHex);
    const der = pemOrDerToDer(pem, ["CERTIFICATE REQUEST"]);
    expect(bytesToHex((await verifyCertificationRequest(der)).der)).toBe(bytesToHex(der));
  });

  it("SHA-384 and SHA-512 requests", async () => {
    for (const digest of ["-sha384", "-sha512"]) {
      expect((await verifyCertificationRequest(opensslRequest(keyFile, digest))).subject).toBe("CN=x");
    }
  });

  it("refuses a SHA-1 request (CSR_MALFORMED) and an EC key (CSR_MALFORMED)", async () => {
    expect(await codeOf(verifyCertificationRequest(opensslRequest(keyFile, "-sha1")))).toBe("CSR_MALFORMED");
    const ecKey = join(dir, "ec.key");
    opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ecKey]);
    expect(await codeOf(verifyCertificationRequest(opensslRequest(ecKey, "-sha256")))).toBe("CSR_MALFORMED");
  });

  it("refuses a 1024-bit key and exponent 3 (CSR_KEY_UNSUPPORTED), theirs and ours", async () => {
    const small = opensslKey("rsa1024.key", "rsa_keygen_bits:1024");
    const exponent3 = opensslKey("rsa-e3.key", "rsa_keygen_bits:2048", "rsa_keygen_pubexp:3");
    for (const key of [small, exponent3]) {
      expect(await codeOf(verifyCertificationRequest(opensslRequest(key, "-sha256")))).toBe("CSR_KEY_UNSUPPORTED");
      const privateKey = await importPrivateKey(readFileSync(key, "utf8"));
      const request = await createCertificationRequest({
        publicKey: await publicKeyFromPrivateKey(privateKey),
        signer: await createSoftwareSigner(privateKey),
      });
      const theirs = opensslOk(["req", "-inform", "DER", "-in", file("small.der", request), "-noout", "-verify"]);
      expect(theirs.stdout + theirs.stderr).toMatch(/verify OK/); // well-formed and signed, only outside the profile
      expect(await codeOf(verifyCertificationRequest(request))).toBe("CSR_KEY_UNSUPPORTED");
    }
  });
});
