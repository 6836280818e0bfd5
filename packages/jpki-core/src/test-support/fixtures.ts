/**
 * Test fixtures shared by jpki-core's tests: one sandbox S and R CA with responders, and 花子's S and R
 * certificates with their keys, made once per test file (RSA key generation is the slow part).
 * TEST ONLY — never used by production code paths (excluded from the build).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { x509 } from "../crypto/x509-library.js";
import {
  createCertificationAuthority,
  createOcspResponder,
  type CertificationAuthority,
  type OcspResponder,
} from "../ca/certification-authority.js";
import { generateRsaKeyPair, exportPrivateKeyPem } from "../crypto/keys.js";
import { createSoftwareSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { toPem } from "../encoding/pem.js";
import { issueSigningCertificate, issueUserAuthCertificate } from "../issuance/end-entity.js";
import { HANAKO, type Persona } from "../persona/persona.js";
import type { CertificateKind } from "../profile/names.js";

export interface CaFixture {
  ca: CertificationAuthority;
  responder: OcspResponder;
}

export interface HolderFixture {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  signer: DigestInfoSigner;
}

export interface SandboxFixture {
  S: CaFixture;
  R: CaFixture;
  hanakoS: HolderFixture;
  hanakoR: HolderFixture;
}

/** The issuance instant every fixture uses: 2026-04-01 10:00 JST (after 花子's 16th birthday). */
export const FIXTURE_ISSUED_AT = new Date("2026-04-01T01:00:00Z");

let cached: Promise<SandboxFixture> | undefined;

export function sandboxFixture(): Promise<SandboxFixture> {
  cached ??= build();
  return cached;
}

async function build(): Promise<SandboxFixture> {
  const notBefore = new Date("2025-01-01T00:00:00Z");
  const [S, R] = await Promise.all((["S", "R"] as const).map((kind) => caFixture(kind, notBefore)));
  return {
    S: S!,
    R: R!,
    hanakoS: await holder(S!.ca, "S", HANAKO),
    hanakoR: await holder(R!.ca, "R", HANAKO),
  };
}

export async function caFixture(kind: CertificateKind, notBefore = new Date("2025-01-01T00:00:00Z")): Promise<CaFixture> {
  const ca = await createCertificationAuthority({ kind, notBefore });
  const responder = await createOcspResponder(ca, { notBefore });
  return { ca, responder };
}

export async function holder(
  ca: CertificationAuthority,
  kind: CertificateKind,
  persona: Persona = HANAKO,
  issuedAt: Date = FIXTURE_ISSUED_AT,
): Promise<HolderFixture> {
  const keys = await generateRsaKeyPair();
  const issue = kind === "S" ? issueSigningCertificate : issueUserAuthCertificate;
  const { certificate } = await issue({ ca, publicKey: keys.publicKey, persona, issuedAt });
  return { certificate, keys, signer: await createSoftwareSigner(keys.privateKey) };
}

/** A fresh temporary directory for files handed to openssl. */
export function tempDir(prefix = "jpki-core-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writePem(dir: string, name: string, certificate: x509.X509Certificate): string {
  const path = join(dir, name);
  writeFileSync(path, toPem(certificate.rawData, "CERTIFICATE"));
  return path;
}

export async function writeKeyPem(dir: string, name: string, key: CryptoKey): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await exportPrivateKeyPem(key), { mode: 0o600 });
  return path;
}
