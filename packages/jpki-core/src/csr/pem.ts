/**
 * PEM for PKCS#10 requests. OpenSSL writes `-----BEGIN CERTIFICATE REQUEST-----` (PEM_STRING_X509_REQ) and
 * reads the older `NEW CERTIFICATE REQUEST` (Netscape, some Windows tools) too, so both are read and the
 * first is written.
 */
import { pemOrDerToDer, toPem, type Der } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";

export const CSR_PEM_LABEL = "CERTIFICATE REQUEST";
const ACCEPTED_LABELS = [CSR_PEM_LABEL, "NEW CERTIFICATE REQUEST"] as const;

/** `-----BEGIN CERTIFICATE REQUEST-----` text for the DER of a CertificationRequest (`openssl req -in`). */
export function csrToPem(der: BufferSource): string {
  return toPem(der, CSR_PEM_LABEL);
}

/** DER of a request given as PEM (either label) or DER; a bad PEM is CSR_MALFORMED. */
export function csrPemOrDerToDer(input: string | BufferSource): Der {
  try {
    return pemOrDerToDer(input, ACCEPTED_LABELS);
  } catch (cause) {
    throw new JpkiError("CSR_MALFORMED", "not a certification request in PEM or DER", { cause });
  }
}
