/**
 * PEM for CMS. OpenSSL writes and reads `-----BEGIN CMS-----` (`openssl cms -outform PEM`, PEM_STRING_CMS),
 * and its CMS reader also accepts the older `PKCS7` label, so both are read and `CMS` is written.
 */
import { pemOrDerToDer, toPem, type Der } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";

export const CMS_PEM_LABEL = "CMS";
const ACCEPTED_LABELS = [CMS_PEM_LABEL, "PKCS7"] as const;

/** `-----BEGIN CMS-----` text for the DER of a ContentInfo (readable by `openssl cms -inform PEM`). */
export function cmsToPem(der: BufferSource): string {
  return toPem(der, CMS_PEM_LABEL);
}

/** DER of a CMS given as PEM (`CMS` or `PKCS7`) or DER; a bad PEM is CMS_MALFORMED. */
export function cmsPemOrDerToDer(input: string | BufferSource): Der {
  try {
    return pemOrDerToDer(input, ACCEPTED_LABELS);
  } catch (cause) {
    throw new JpkiError("CMS_MALFORMED", "not a CMS in PEM or DER", { cause });
  }
}
