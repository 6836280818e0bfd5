/** A message decoded by the decoder its kind calls for (der-kind.ts); total like the decoders. */
import { decodeCms, type CmsSummary } from "./decode-cms.js";
import { decodeCertificate, decodeOcspRequest, decodeOcspResponse, type CertificateSummary, type Decoded, type OcspRequestSummary, type OcspResponseSummary } from "./decode-pki.js";
import type { DerKind } from "./der-kind.js";

export type { DerKind } from "./der-kind.js";
export { derKindOf } from "./der-kind.js";

export type DecodedDer =
  | { kind: "cms"; result: Decoded<CmsSummary> }
  | { kind: "ocspRequest"; result: Decoded<OcspRequestSummary> }
  | { kind: "ocspResponse"; result: Decoded<OcspResponseSummary> }
  | { kind: "certificate"; result: Decoded<CertificateSummary> };

export function decodeDer(kind: DerKind, der: Uint8Array): DecodedDer {
  switch (kind) {
    case "cms":
      return { kind, result: decodeCms(der) };
    case "ocspRequest":
      return { kind, result: decodeOcspRequest(der) };
    case "ocspResponse":
      return { kind, result: decodeOcspResponse(der) };
    case "certificate":
      return { kind, result: decodeCertificate(der) };
  }
}
