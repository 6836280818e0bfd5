/**
 * Parses a CRL (RFC 5280 §5) into a typed value, verifies it against its CA, and answers "is this serial on
 * it?" in constant time. Anything that is not a CRL is CRL_MALFORMED; a bad signature CRL_SIGNATURE_INVALID.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { IssuingDistributionPoint } from "@peculiar/asn1-x509";
import { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { bytesToHex, pemOrDerToDer, toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { readOnly, TAG } from "../revocation/der.js";
import { revocationReasonFromCode, type RevocationReason } from "../revocation/reason.js";

export interface CrlEntry {
  /** Normalised hex. */
  serialNumber: string;
  revokedAt: Date;
  /** The JPKI reason, when the entry's CRLReason is one JPKI uses. */
  reason?: RevocationReason;
  /** The CRLReason code as written (any RFC 5280 value), when the entry has one. */
  reasonCode?: number;
}

/** The issuingDistributionPoint of a scoped CRL (RFC 5280 §5.2.5). */
export interface CrlDistributionPoint {
  critical: boolean;
  /** The directoryName(s) of distributionPoint.fullName, as DN strings. */
  directoryNames: string[];
  uris: string[];
  onlyContainsUserCerts: boolean;
  onlyContainsCACerts: boolean;
}

export interface ParsedCrl {
  der: Bytes;
  crl: x509.X509Crl;
  issuer: string;
  issuerName: x509.Name;
  thisUpdate: Date;
  nextUpdate?: Date;
  crlNumber?: bigint;
  /** Hex keyIdentifier of authorityKeyIdentifier, when present. */
  authorityKeyIdentifier?: string;
  entries: CrlEntry[];
  distributionPoint?: CrlDistributionPoint;
  /** The entry for `serialNumber` (hex, any case, leading zeros allowed), if the CRL lists it. */
  findRevocation(serialNumber: string): CrlEntry | undefined;
}

/** OpenSSL 3 reads `X509 CRL`; `CRL` is what @peculiar/x509 writes, accepted too. */
const CRL_LABELS = ["X509 CRL", "CRL"];

export function parseCrl(input: string | BufferSource): ParsedCrl {
  getCrypto();
  let der: Bytes;
  let crl: x509.X509Crl;
  try {
    der = pemOrDerToDer(input, CRL_LABELS);
    readOnly(der, TAG.SEQUENCE);
    crl = new x509.X509Crl(der);
  } catch (cause) {
    throw new JpkiError("CRL_MALFORMED", "not a CRL (PEM or DER)", { cause });
  }
  try {
    return describe(der, crl);
  } catch (cause) {
    if (cause instanceof JpkiError) throw cause;
    throw new JpkiError("CRL_MALFORMED", `bad CRL: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

function describe(der: Bytes, crl: x509.X509Crl): ParsedCrl {
  let crlNumber: bigint | undefined;
  let authorityKeyIdentifier: string | undefined;
  let distributionPoint: CrlDistributionPoint | undefined;
  for (const extension of crl.extensions) {
    switch (extension.type) {
      case OID.cRLNumber:
        crlNumber = parseInteger(toBytes(extension.value));
        break;
      case OID.authorityKeyIdentifier: {
        const keyId = new x509.AuthorityKeyIdentifierExtension(extension.rawData).keyId;
        if (keyId) authorityKeyIdentifier = keyId;
        break;
      }
      case OID.issuingDistributionPoint:
        distributionPoint = parseIdp(extension);
        break;
      default:
        // RFC 5280 §5.2: a CRL with a critical extension we do not process (deltaCRLIndicator, …) is unusable.
        if (extension.critical) throw new JpkiError("CRL_MALFORMED", `unknown critical CRL extension ${extension.type}`);
    }
  }
  const entries: CrlEntry[] = crl.entries.map((entry) => {
    const reasonCode = entry.reason;
    const reason = reasonCode === undefined ? undefined : revocationReasonFromCode(reasonCode);
    for (const extension of entry.extensions) {
      if (extension.critical && extension.type !== OID.cRLReason) {
        throw new JpkiError("CRL_MALFORMED", `unknown critical CRL entry extension ${extension.type}`);
      }
    }
    return {
      serialNumber: normaliseSerialNumber(entry.serialNumber),
      revokedAt: entry.revocationDate,
      ...(reasonCode === undefined ? {} : { reasonCode }),
      ...(reason ? { reason } : {}),
    };
  });
  const bySerial = new Map(entries.map((entry) => [entry.serialNumber, entry]));
  const nextUpdate = crl.nextUpdate;
  return {
    der,
    crl,
    issuer: crl.issuer,
    issuerName: crl.issuerName,
    thisUpdate: crl.thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    ...(crlNumber === undefined ? {} : { crlNumber }),
    ...(authorityKeyIdentifier ? { authorityKeyIdentifier } : {}),
    entries,
    ...(distributionPoint ? { distributionPoint } : {}),
    findRevocation: (serialNumber: string) => bySerial.get(normaliseSerialNumber(serialNumber)),
  };
}

function parseInteger(der: Bytes): bigint {
  const tlv = readOnly(der, TAG.INTEGER);
  const value = der.subarray(tlv.valueStart, tlv.end);
  if (value.length === 0 || value[0]! & 0x80) throw new JpkiError("CRL_MALFORMED", "cRLNumber is not a non-negative INTEGER");
  return BigInt(`0x${bytesToHex(value)}`);
}

function parseIdp(extension: x509.Extension): CrlDistributionPoint {
  const idp = AsnConvert.parse(extension.value, IssuingDistributionPoint);
  const fullName = idp.distributionPoint?.fullName ?? [];
  return {
    critical: extension.critical,
    directoryNames: fullName.filter((n) => n.directoryName).map((n) => new x509.Name(n.directoryName!).toString()),
    uris: fullName.filter((n) => n.uniformResourceIdentifier).map((n) => n.uniformResourceIdentifier!),
    onlyContainsUserCerts: idp.onlyContainsUserCerts,
    onlyContainsCACerts: idp.onlyContainsCACerts,
  };
}

/**
 * Checks that `issuer` signed the CRL (and that the CRL names it as issuer); CRL_SIGNATURE_INVALID otherwise.
 * Freshness (thisUpdate/nextUpdate against the clock) is the relying party's policy and is not checked here.
 */
export async function verifyCrl(crl: ParsedCrl, issuer: x509.X509Certificate): Promise<void> {
  const crypto = getCrypto();
  if (!bytesEqualNames(crl.issuerName, issuer.subjectName)) {
    throw new JpkiError("CRL_SIGNATURE_INVALID", "the CRL's issuer is not this CA");
  }
  let valid = false;
  try {
    valid = await crl.crl.verify({ publicKey: issuer }, crypto);
  } catch {
    valid = false;
  }
  if (!valid) throw new JpkiError("CRL_SIGNATURE_INVALID", "the CRL signature does not verify with the CA's key");
}

function bytesEqualNames(a: x509.Name, b: x509.Name): boolean {
  return bytesToHex(a.toArrayBuffer()) === bytesToHex(b.toArrayBuffer());
}
