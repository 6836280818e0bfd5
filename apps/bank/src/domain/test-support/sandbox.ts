/**
 * The bank's unit-test PKI (TEST ONLY): a sandbox S and R CA, each with a delegated OCSP responder, and 花子's
 * S and R certificates with software signers, built with jpki-core once per test file from fixed keys
 * (keys.ts; generating RSA keys would be the slow part). Sandbox time is fixed (SANDBOX_NOW).
 */
import {
  createCertificationAuthority,
  createOcspResponder,
  createSoftwareSigner,
  HANAKO,
  importPrivateKey,
  issueSigningCertificate,
  issueUserAuthCertificate,
  publicKeyFromPrivateKey,
  type CertificationAuthority,
  type DigestInfoSigner,
  type OcspResponder,
  type x509,
} from "@jpki-sandbox/jpki-core";
import { TEST_KEY_PEMS, type TestKeyName } from "./keys.js";

/** 花子's certificates are issued here: 2026-04-01 10:00 JST (after her 16th birthday). */
export const ISSUED_AT = new Date("2026-04-01T01:00:00Z");
/** The sandbox time the tests judge at (jlis's clock). */
export const SANDBOX_NOW = new Date("2026-05-01T12:00:00Z");
const CA_NOT_BEFORE = new Date("2025-01-01T00:00:00Z");

export interface TestCa {
  ca: CertificationAuthority;
  responder: OcspResponder;
}

export interface TestHolder {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  signer: DigestInfoSigner;
}

export interface TestPki {
  S: TestCa;
  R: TestCa;
  hanakoS: TestHolder;
  hanakoR: TestHolder;
}

/** One of the fixed test key pairs. */
export async function testKeys(name: TestKeyName): Promise<CryptoKeyPair> {
  const privateKey = await importPrivateKey(TEST_KEY_PEMS[name]);
  return { privateKey, publicKey: await publicKeyFromPrivateKey(privateKey) };
}

/** A sandbox CA of `kind` (DN as J-LIS's) and its delegated OCSP responder, on the named fixed keys. */
export async function testCa(kind: "S" | "R", caKey: TestKeyName, responderKey: TestKeyName): Promise<TestCa> {
  const ca = await createCertificationAuthority({ kind, notBefore: CA_NOT_BEFORE, keys: await testKeys(caKey) });
  return { ca, responder: await createOcspResponder(ca, { notBefore: CA_NOT_BEFORE, keys: await testKeys(responderKey) }) };
}

/** A certificate of `kind` for 花子 from `ca` on `keys` (reuse a holder's keys for a renewal on the same card). */
export async function issueFor(ca: CertificationAuthority, kind: "S" | "R", keys: CryptoKeyPair, issuedAt = ISSUED_AT): Promise<TestHolder> {
  const pair = keys;
  const issue = kind === "S" ? issueSigningCertificate : issueUserAuthCertificate;
  const { certificate } = await issue({ ca, publicKey: pair.publicKey, persona: HANAKO, issuedAt });
  return { certificate, keys: pair, signer: await createSoftwareSigner(pair.privateKey) };
}

let cached: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  cached ??= (async () => {
    const [S, R] = await Promise.all([testCa("S", "caS", "responderS"), testCa("R", "caR", "responderR")]);
    const [hanakoS, hanakoR] = await Promise.all([issueFor(S.ca, "S", await testKeys("hanakoS")), issueFor(R.ca, "R", await testKeys("hanakoR"))]);
    return { S, R, hanakoS, hanakoR };
  })();
  return cached;
}
