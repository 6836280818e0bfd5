/**
 * Path validation of an S or R certificate against the sandbox roots at a given time (RFC 5280 §6, for
 * JPKI's one-level hierarchy: roots issue end-entity certificates directly). Several root generations may
 * share one DN; the authority key identifier and the signature pick the right one.
 */
import { kindOf } from "../certificate/parse.js";
import { x509 } from "../crypto/x509-library.js";
import { bytesEqual } from "../encoding/pem.js";
import { JpkiError, type JpkiErrorCode } from "../errors.js";
import type { CertificateKind } from "../profile/names.js";

export type PathFailureCode = Extract<
  JpkiErrorCode,
  | "PATH_UNKNOWN_ISSUER"
  | "PATH_BAD_SIGNATURE"
  | "PATH_EXPIRED"
  | "PATH_NOT_YET_VALID"
  | "PATH_WRONG_KIND"
  | "PATH_ISSUER_NOT_CA"
>;

export interface PathValidationOptions {
  /** Trust anchors: the sandbox S and/or R roots (every generation). */
  roots: readonly x509.X509Certificate[];
  /** The time to validate at; default now (pass the sandbox clock). */
  at?: Date;
  /** Refuse certificates of the other kind (an R certificate on an application, say). */
  expectedKind?: CertificateKind;
}

export type PathValidationResult =
  | { valid: true; kind: CertificateKind; root: x509.X509Certificate }
  | { valid: false; code: PathFailureCode; message: string };

function fail(code: PathFailureCode, message: string): PathValidationResult {
  return { valid: false, code, message };
}

function keyIdentifierMatches(certificate: x509.X509Certificate, root: x509.X509Certificate): boolean {
  const aki = certificate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId;
  const ski = root.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  return !aki || !ski || aki.toLowerCase() === ski.toLowerCase();
}

function isCa(root: x509.X509Certificate): boolean {
  const basic = root.getExtension(x509.BasicConstraintsExtension);
  const usage = root.getExtension(x509.KeyUsagesExtension);
  return !!basic?.ca && (!usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0);
}

export async function validateCertificatePath(
  certificate: x509.X509Certificate,
  options: PathValidationOptions,
): Promise<PathValidationResult> {
  const at = options.at ?? new Date();
  const kind = kindOf(certificate);
  if (kind === "other") return fail("PATH_WRONG_KIND", "not a JPKI signing or user-authentication certificate");
  if (options.expectedKind && kind !== options.expectedKind) {
    return fail("PATH_WRONG_KIND", `expected an ${options.expectedKind} certificate, got an ${kind} certificate`);
  }
  const sameName = options.roots.filter((root) =>
    bytesEqual(root.subjectName.toArrayBuffer(), certificate.issuerName.toArrayBuffer()),
  );
  const candidates = sameName.filter((root) => keyIdentifierMatches(certificate, root));
  if (candidates.length === 0) {
    return fail("PATH_UNKNOWN_ISSUER", `no trusted root is named ${certificate.issuer} with a matching key id`);
  }
  let issuer: x509.X509Certificate | undefined;
  for (const root of candidates) {
    if (await certificate.verify({ publicKey: root.publicKey, signatureOnly: true })) {
      issuer = root;
      break;
    }
  }
  if (!issuer) return fail("PATH_BAD_SIGNATURE", "the certificate's signature does not verify with its issuer's key");
  if (!isCa(issuer)) return fail("PATH_ISSUER_NOT_CA", "the issuer is not a CA certificate");
  for (const [what, cert] of [
    ["the certificate", certificate],
    ["the root", issuer],
  ] as const) {
    if (at.getTime() < cert.notBefore.getTime()) {
      return fail("PATH_NOT_YET_VALID", `${what} is not valid before ${cert.notBefore.toISOString()}`);
    }
    if (at.getTime() > cert.notAfter.getTime()) {
      return fail("PATH_EXPIRED", `${what} expired at ${cert.notAfter.toISOString()}`);
    }
  }
  return { valid: true, kind, root: issuer };
}

/** Like validateCertificatePath, throwing a JpkiError with the failure's code. */
export async function assertCertificatePath(
  certificate: x509.X509Certificate,
  options: PathValidationOptions,
): Promise<{ kind: CertificateKind; root: x509.X509Certificate }> {
  const result = await validateCertificatePath(certificate, options);
  if (!result.valid) throw new JpkiError(result.code, result.message);
  return { kind: result.kind, root: result.root };
}
