/**
 * "@jpki-sandbox/web-kit/decoders": human summaries of the flow's messages (CMS SignedData, OCSPRequest,
 * OCSPResponse, X.509 certificate) through jpki-core's parsers. Total (garbage gives `{ ok: false, error }`)
 * and JSON-safe. Node and browsers alike (jpki-core leaves its Node-only provider out of browser bundles); a
 * separate entry point so that pages load jpki-core only when they decode something.
 */
export { attempt, decodeCertificate, decodeOcspRequest, decodeOcspResponse, describeOid, errorText, nameOf } from "./asn1/decode-pki.js";
export type { CertIdSummary, CertificateSummary, Decoded, OcspRequestSummary, OcspResponseSummary, SingleResponseSummary } from "./asn1/decode-pki.js";
export { decodeCms, type CmsSummary, type SignerSummary } from "./asn1/decode-cms.js";
export { decodeDer, type DecodedDer } from "./asn1/decode-message.js";
export { derKindOf, type DerKind } from "./asn1/der-kind.js";
