import { x509 } from "../crypto/x509-library.js";
import { pemOrDerToDer, type Der } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { getCrypto } from "../crypto/provider.js";

/** Parses PEM or DER into an X509Certificate; anything else is CERTIFICATE_MALFORMED, never a crash. */
export function parseX509(input: string | BufferSource): x509.X509Certificate {
  getCrypto(); // make sure the provider is set before @peculiar/x509 is used
  let der: Der;
  try {
    der = pemOrDerToDer(input, ["CERTIFICATE"]);
  } catch (cause) {
    throw new JpkiError("CERTIFICATE_MALFORMED", "not a certificate (PEM or DER)", { cause });
  }
  try {
    const certificate = new x509.X509Certificate(der);
    // Touch the fields that decode lazily so a bad structure fails here, not later.
    void certificate.subject;
    void certificate.issuer;
    void certificate.notAfter;
    void certificate.extensions;
    return certificate;
  } catch (cause) {
    throw new JpkiError("CERTIFICATE_MALFORMED", "not a DER X.509 certificate", { cause });
  }
}
