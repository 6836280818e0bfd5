/**
 * Step ④ / ④' on the certificate: a JPKI certificate of the expected kind (S for an application, R for a
 * login), chaining to the sandbox J-LIS root of that kind, within its validity at sandbox time. jpki-core's
 * path validation does the work; this maps its refusals to the bank's codes.
 */
import { validateCertificatePath, type x509 } from "@jpki-sandbox/jpki-core";
import type { BankErrorCode } from "../../shared/api-types.js";
import { BankError } from "../errors.js";
import type { CertificateKind } from "../ports.js";

const CODE_BY_PATH_FAILURE: Record<string, BankErrorCode> = {
  PATH_WRONG_KIND: "WRONG_CERTIFICATE_KIND",
  PATH_EXPIRED: "CERTIFICATE_EXPIRED",
  PATH_NOT_YET_VALID: "CERTIFICATE_NOT_YET_VALID",
};

export const KIND_WORDS: Record<CertificateKind, string> = {
  S: "a signing certificate (署名用電子証明書)",
  R: "a user-authentication certificate (利用者証明用電子証明書)",
};

export async function assertCertificateValid(
  certificate: x509.X509Certificate,
  options: { kind: CertificateKind; root: x509.X509Certificate; at: Date },
): Promise<{ root: x509.X509Certificate }> {
  const result = await validateCertificatePath(certificate, { roots: [options.root], at: options.at, expectedKind: options.kind });
  if (!result.valid) {
    const code = CODE_BY_PATH_FAILURE[result.code] ?? "CERTIFICATE_UNTRUSTED";
    const message = code === "WRONG_CERTIFICATE_KIND" ? `${KIND_WORDS[options.kind]} is required: ${result.message}` : result.message;
    throw new BankError(code, message);
  }
  return { root: result.root };
}
