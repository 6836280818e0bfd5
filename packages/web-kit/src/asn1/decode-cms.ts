/**
 * A CMS SignedData (RFC 5652 §5) in words: ③'s application + signature + S certificate. jpki-core only offers
 * verifyCms (which refuses what does not verify), and a viewer must also show a tampered or odd CMS, so this
 * reads the structure from the ASN.1 tree and hands each certificate to jpki-core's parseCertificate.
 *
 *   ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }
 *   SignedData  ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE { eContentType,
 *                  eContent [0] EXPLICIT OCTET STRING OPTIONAL }, certificates [0] IMPLICIT OPTIONAL,
 *                  crls [1] IMPLICIT OPTIONAL, signerInfos SET OF SignerInfo }
 *   SignerInfo  ::= SEQUENCE { version, sid (IssuerAndSerialNumber | [0] SubjectKeyIdentifier), digestAlgorithm,
 *                  signedAttrs [0] IMPLICIT OPTIONAL, signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] OPTIONAL }
 */
import { OID } from "@jpki-sandbox/jpki-core";
import { decodeCertificate, describeOid, nameOf, type CertificateSummary, type Decoded } from "./decode-pki.js";
import { contentOf, encodingOf, parseAsn1Tree, type Asn1Node, type Asn1Tree } from "./der-tree.js";
import { decodeOidContents, decodeTime, toHex, utf8OrNull } from "./values.js";

export interface SignerSummary {
  /** The signer certificate's subject, when the CMS carries it. */
  subject?: string;
  /** IssuerAndSerialNumber: the issuer's name and the serial (hex); or the subjectKeyIdentifier. */
  issuer?: string;
  serialNumber?: string;
  subjectKeyIdentifier?: string;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** ISO 8601. */
  signingTime?: string;
  /** Hex of the messageDigest signed attribute. */
  messageDigest?: string;
  signedAttributes: string[];
  signatureBytes: number;
}

export interface CmsSummary {
  contentType: string;
  version?: number;
  eContentType?: string;
  /** The signed content as text, when it is UTF-8. */
  contentText?: string;
  /** Its size; undefined for a detached signature. */
  contentBytes?: number;
  digestAlgorithms: string[];
  signers: SignerSummary[];
  /** Every certificate the SignedData carries, decoded (or why not). */
  certificates: Decoded<CertificateSummary>[];
}

class Shape extends Error {}

const isUniversal = (node: Asn1Node | undefined, tag: number): node is Asn1Node => node !== undefined && node.tagClass === "universal" && node.tagNumber === tag && node.constructed === (tag === 16 || tag === 17);
const isContext = (node: Asn1Node | undefined, tag: number): node is Asn1Node => node !== undefined && node.tagClass === "context" && node.tagNumber === tag;

function need(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (!isUniversal(node, tag)) throw new Shape(`${what} missing or of the wrong type`);
  return node;
}

function oidAt(tree: Asn1Tree, node: Asn1Node | undefined, what: string): string {
  const oid = decodeOidContents(contentOf(tree, need(node, 6, what)));
  if (oid === null) throw new Shape(`${what} is not a valid OID`);
  return oid;
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } → its name. */
function algorithm(tree: Asn1Tree, node: Asn1Node | undefined, what: string): string {
  return describeOid(oidAt(tree, need(node, 16, what).children[0], `${what}.algorithm`));
}

function smallInteger(tree: Asn1Tree, node: Asn1Node | undefined): number | undefined {
  if (!isUniversal(node, 2) || node.length > 4) return undefined;
  return contentOf(tree, node).reduce((n, b) => n * 256 + b, 0);
}

/** The content octets of an OCTET STRING, primitive or constructed (BER chunks). */
function octets(tree: Asn1Tree, node: Asn1Node): Uint8Array {
  if (!node.constructed) return contentOf(tree, node);
  const parts = node.children.map((child) => octets(tree, child));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function signer(tree: Asn1Tree, node: Asn1Node, certificates: Decoded<CertificateSummary>[]): SignerSummary {
  const fields = need(node, 16, "SignerInfo").children;
  const [, sid, digest] = fields;
  let index = 3;
  const signedAttrsNode = isContext(fields[index], 0) ? fields[index++] : undefined;
  const signatureAlgorithm = algorithm(tree, fields[index++], "signatureAlgorithm");
  const signature = need(fields[index], 4, "signature");
  const out: SignerSummary = {
    digestAlgorithm: algorithm(tree, digest, "digestAlgorithm"),
    signatureAlgorithm,
    signedAttributes: [],
    signatureBytes: octets(tree, signature).length,
  };
  if (isUniversal(sid, 16)) {
    const [issuer, serial] = sid.children;
    if (issuer !== undefined) out.issuer = nameOf(encodingOf(tree, issuer));
    if (isUniversal(serial, 2)) out.serialNumber = toHex(contentOf(tree, serial)).replace(/^(00)+(?=[0-9a-f]{2})/, "");
  } else if (isContext(sid, 0)) {
    out.subjectKeyIdentifier = toHex(contentOf(tree, sid));
  }
  const match = certificates.find((c) => c.ok && out.serialNumber !== undefined && c.value.serialNumber === out.serialNumber && (out.issuer === undefined || c.value.issuer === out.issuer));
  if (match?.ok) out.subject = match.value.subject;
  for (const attribute of signedAttrsNode?.children ?? []) {
    const [type, values] = attribute.children;
    const oid = isUniversal(type, 6) ? decodeOidContents(contentOf(tree, type)) : null;
    if (oid === null) continue;
    out.signedAttributes.push(describeOid(oid));
    const value = values?.children[0];
    if (value === undefined) continue;
    if (oid === OID.signingTime && (isUniversal(value, 23) || isUniversal(value, 24))) {
      const time = decodeTime(contentOf(tree, value), value.tagNumber === 23);
      if (time !== null) out.signingTime = time.toISOString();
    } else if (oid === OID.messageDigest && isUniversal(value, 4)) {
      out.messageDigest = toHex(contentOf(tree, value));
    }
  }
  return out;
}

function read(tree: Asn1Tree): CmsSummary {
  const contentInfo = need(tree.roots[0], 16, "ContentInfo");
  const contentType = oidAt(tree, contentInfo.children[0], "contentType");
  if (contentType !== OID.cmsSignedData) throw new Shape(`ContentInfo holds ${describeOid(contentType)}, not SignedData`);
  const explicit = contentInfo.children[1];
  if (!isContext(explicit, 0)) throw new Shape("ContentInfo has no [0] content");
  const fields = need(explicit.children[0], 16, "SignedData").children;
  const [version, digestAlgorithms, encap] = fields;
  const encapFields = need(encap, 16, "encapContentInfo").children;
  const eContentType = oidAt(tree, encapFields[0], "eContentType");
  const eContent = isContext(encapFields[1], 0) ? encapFields[1].children[0] : undefined;
  const content = eContent !== undefined && eContent.tagClass === "universal" && eContent.tagNumber === 4 ? octets(tree, eContent) : undefined;
  let index = 3;
  const certificateSet = isContext(fields[index], 0) ? fields[index++] : undefined;
  if (isContext(fields[index], 1)) index++;
  const signerInfos = need(fields[index], 17, "signerInfos");
  const certificates = (certificateSet?.children ?? []).map((c) => decodeCertificate(encodingOf(tree, c)));
  const text = content === undefined ? null : utf8OrNull(content);
  const v = smallInteger(tree, version);
  return {
    contentType: describeOid(contentType),
    ...(v === undefined ? {} : { version: v }),
    eContentType: describeOid(eContentType),
    ...(content === undefined ? {} : { contentBytes: content.length }),
    ...(text === null ? {} : { contentText: text }),
    digestAlgorithms: (digestAlgorithms?.children ?? []).map((a, i) => algorithm(tree, a, `digestAlgorithms[${i}]`)),
    signers: signerInfos.children.map((s) => signer(tree, s, certificates)),
    certificates,
  };
}

/** ③: a CMS SignedData (DER or BER). Never throws. */
export function decodeCms(der: Uint8Array): Decoded<CmsSummary> {
  const tree = parseAsn1Tree(der);
  if (tree.roots.length === 0) return { ok: false, error: `not DER: ${tree.error ?? "empty"}` };
  try {
    return { ok: true, value: read(tree) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: tree.error === undefined ? `not a CMS SignedData: ${why}` : `not a CMS SignedData: ${why} (${tree.error})` };
  }
}
