/**
 * OCSPRequest (RFC 6960 §4.1): built for one or more serials of one issuer, optionally with a nonce in the
 * RFC 8954 form (the extnValue is the DER of an OCTET STRING holding the nonce), and parsed from untrusted
 * DER for the responder. Only the first is a client's job; jlis parses.
 */
import type * as pkijs from "pkijs";
import type { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { bytesToHex, toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { octetString, oid, sequence, TAG, tlv } from "../revocation/der.js";
import { createCertId, encodeCertId, type CertId, type CertIdHashAlgorithm } from "./cert-id.js";

/** RFC 8954 §2.1: responders must accept nonces of 16–32 octets; 32 is what this module sends. */
export const NONCE_LENGTH = 32;

export interface BuildOcspRequestOptions {
  issuer: x509.X509Certificate;
  /** Hex serials of certificates issued by `issuer`. */
  serialNumbers: readonly string[];
  /** Default SHA-1, as OpenSSL sends. */
  hashAlgorithm?: CertIdHashAlgorithm;
  /** `true`: a fresh random 32-octet nonce; bytes: that nonce value (1–32 octets, RFC 8954). Default none. */
  nonce?: boolean | BufferSource;
}

export interface BuiltOcspRequest {
  der: Bytes;
  certIds: CertId[];
  /** The nonce extension's extnValue contents, as sent: what a conforming response echoes byte for byte. */
  nonce?: Bytes;
}

export async function buildOcspRequest(options: BuildOcspRequestOptions): Promise<BuiltOcspRequest> {
  if (options.serialNumbers.length === 0) throw new JpkiError("INVALID_ARGUMENT", "an OCSP request needs a serial");
  const certIds = await Promise.all(
    options.serialNumbers.map((serial) => createCertId(options.issuer, serial, options.hashAlgorithm)),
  );
  const requestList = sequence(...certIds.map((certId) => sequence(encodeCertId(certId))));
  let nonce: Bytes | undefined;
  const parts: Uint8Array[] = [requestList];
  if (options.nonce !== undefined && options.nonce !== false) {
    const value = options.nonce === true ? getCrypto().getRandomValues(new Uint8Array(NONCE_LENGTH)) : toBytes(options.nonce);
    if (value.length < 1 || value.length > NONCE_LENGTH) {
      throw new JpkiError("INVALID_ARGUMENT", `an OCSP nonce has 1–${NONCE_LENGTH} octets (RFC 8954)`);
    }
    nonce = octetString(value);
    const extension = sequence(oid(OID.ocspNonce), octetString(nonce));
    parts.push(tlv(TAG.context(2), sequence(extension)));
  }
  return { der: sequence(sequence(...parts)), certIds, ...(nonce ? { nonce } : {}) };
}


/** Parses an OCSPRequest; anything that is not one is OCSP_REQUEST_MALFORMED (answer malformedRequest). */
/** A CertID read by pkijs, as this module's plain value (serial normalised: a leading 00 is dropped). */
export function fromPkijsCertId(certId: pkijs.CertID): CertId {
  const serial = certId.serialNumber.valueBlock.valueHexView;
  if (serial.length === 0) throw new JpkiError("OCSP_REQUEST_MALFORMED", "empty serial number in CertID");
  return {
    hashAlgorithm: certId.hashAlgorithm.algorithmId,
    issuerNameHash: toBytes(certId.issuerNameHash.valueBlock.valueHexView),
    issuerKeyHash: toBytes(certId.issuerKeyHash.valueBlock.valueHexView),
    serialNumber: normaliseSerialNumber(bytesToHex(toBytes(serial))),
  };
}
