/**
 * CertID (RFC 6960 §4.1.1): which certificate an OCSP request or response is about — hashes of the issuer's
 * name and key plus the serial number. SHA-1 is the default because that is what OpenSSL and most clients
 * send (RFC 5019 §2.1.1); a responder answers with the hash algorithm the request used.
 */
import type { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { bytesEqual, type Bytes } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import {
  childrenOf,
  DER_NULL,
  integerFromHex,
  octetString,
  oid,
  readTlv,
  sequence,
  TAG,
  valueOf,
  encodingOf,
} from "../revocation/der.js";

export type CertIdHashAlgorithm = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

const HASH_OIDS: Readonly<Record<CertIdHashAlgorithm, string>> = {
  "SHA-1": OID.sha1,
  "SHA-256": OID.sha256,
  "SHA-384": OID.sha384,
  "SHA-512": OID.sha512,
};
const HASH_BY_OID = new Map(Object.entries(HASH_OIDS).map(([name, id]) => [id, name as CertIdHashAlgorithm]));

export interface CertId {
  /** OID of the hash algorithm (e.g. `1.3.14.3.2.26` for SHA-1). */
  hashAlgorithm: string;
  /** Hash of the DER of the issuer's subject name. */
  issuerNameHash: Bytes;
  /** Hash of the issuer's subjectPublicKey BIT STRING value (without tag, length and unused-bits octet). */
  issuerKeyHash: Bytes;
  /** Normalised hex (lower case, no leading zero octets). */
  serialNumber: string;
}

/** The hash algorithm a CertID names, or undefined when it is one this module does not know. */
export function certIdHashAlgorithm(hashAlgorithmOid: string): CertIdHashAlgorithm | undefined {
  return HASH_BY_OID.get(hashAlgorithmOid);
}

/** The exact DER of a certificate's issuer and subject Names and its subjectPublicKey bits. */
export function certificateNamesAndKey(certificate: x509.X509Certificate): {
  issuerName: Bytes;
  subjectName: Bytes;
  publicKey: Bytes;
} {
  const der = new Uint8Array(certificate.rawData);
  const tbs = childrenOf(der, readTlv(der))[0]!;
  const fields = childrenOf(der, tbs);
  const base = fields[0]!.tag === TAG.context(0) ? 1 : 0; // skip [0] version
  const subject = fields[base + 4]!;
  const spki = childrenOf(der, fields[base + 5]!);
  const bits = valueOf(der, spki[1]!);
  return {
    issuerName: encodingOf(der, fields[base + 2]!),
    subjectName: encodingOf(der, subject),
    publicKey: bits.subarray(1) as Bytes,
  };
}

interface IssuerHashes {
  issuerNameHash: Bytes;
  issuerKeyHash: Bytes;
}

// Per issuer certificate and algorithm: a responder or verifier hashes its CA once, not once per request.
const hashCache = new WeakMap<x509.X509Certificate, Map<CertIdHashAlgorithm, Promise<IssuerHashes>>>();

export function issuerHashes(issuer: x509.X509Certificate, hash: CertIdHashAlgorithm = "SHA-1"): Promise<IssuerHashes> {
  let perAlgorithm = hashCache.get(issuer);
  if (!perAlgorithm) hashCache.set(issuer, (perAlgorithm = new Map()));
  let hashes = perAlgorithm.get(hash);
  if (!hashes) {
    hashes = computeIssuerHashes(issuer, hash);
    perAlgorithm.set(hash, hashes);
  }
  return hashes;
}

async function computeIssuerHashes(issuer: x509.X509Certificate, hash: CertIdHashAlgorithm): Promise<IssuerHashes> {
  const { subjectName, publicKey } = certificateNamesAndKey(issuer);
  const subtle = getCrypto().subtle;
  const [nameHash, keyHash] = await Promise.all([subtle.digest(hash, subjectName), subtle.digest(hash, publicKey)]);
  return { issuerNameHash: new Uint8Array(nameHash), issuerKeyHash: new Uint8Array(keyHash) };
}

/** The CertID of the certificate with `serialNumber` (hex) issued by `issuer`. */
export async function createCertId(
  issuer: x509.X509Certificate,
  serialNumber: string,
  hash: CertIdHashAlgorithm = "SHA-1",
): Promise<CertId> {
  const { issuerNameHash, issuerKeyHash } = await issuerHashes(issuer, hash);
  return { hashAlgorithm: HASH_OIDS[hash], issuerNameHash, issuerKeyHash, serialNumber: normaliseSerialNumber(serialNumber) };
}

/**
 * Whether `certId` names `issuer`, hashing with the algorithm the CertID itself names (RFC 6960 §4.1.1);
 * false for an unknown hash algorithm.
 */
export async function certIdMatchesIssuer(certId: CertId, issuer: x509.X509Certificate): Promise<boolean> {
  const hash = certIdHashAlgorithm(certId.hashAlgorithm);
  if (!hash) return false;
  const expected = await issuerHashes(issuer, hash);
  return bytesEqual(expected.issuerNameHash, certId.issuerNameHash) && bytesEqual(expected.issuerKeyHash, certId.issuerKeyHash);
}

/** Field-by-field equality (the serials are compared normalised). */
export function certIdsEqual(a: CertId, b: CertId): boolean {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    normaliseSerialNumber(a.serialNumber) === normaliseSerialNumber(b.serialNumber) &&
    bytesEqual(a.issuerNameHash, b.issuerNameHash) &&
    bytesEqual(a.issuerKeyHash, b.issuerKeyHash)
  );
}

const algorithmIdCache = new Map<string, Bytes>();

/**
 * DER of a CertID. The AlgorithmIdentifier carries NULL parameters, as OpenSSL writes it; comparisons never
 * depend on that (OpenSSL and this module compare the OID only).
 */
export function encodeCertId(certId: CertId): Bytes {
  let algorithm = algorithmIdCache.get(certId.hashAlgorithm);
  if (!algorithm) {
    algorithm = sequence(oid(certId.hashAlgorithm), DER_NULL);
    algorithmIdCache.set(certId.hashAlgorithm, algorithm);
  }
  return sequence(
    algorithm,
    octetString(certId.issuerNameHash),
    octetString(certId.issuerKeyHash),
    integerFromHex(certId.serialNumber),
  );
}
