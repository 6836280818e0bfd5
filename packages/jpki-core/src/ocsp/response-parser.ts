/**
 * Parses an OCSPResponse (RFC 6960 §4.2.1) into a plain typed value. Parsing checks shape only; whether the
 * response may be believed is ./response-verify.ts. Anything that is not an OCSPResponse with a basic
 * response is OCSP_RESPONSE_MALFORMED.
 */
import * as pkijs from "pkijs";
import type * as asn1js from "asn1js";
import { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { childrenOf, encodingOf, readOnly, TAG, valueOf } from "../revocation/der.js";
import { revocationReasonFromCode, type RevocationReason } from "../revocation/reason.js";
import type { CertId } from "./cert-id.js";
import { fromPkijsCertId } from "./request.js";
import { OCSP_ERROR_STATUSES, type OcspErrorStatus } from "./response-builder.js";

export type OcspResponseStatus = "successful" | OcspErrorStatus;

export interface OcspSingleResponse {
  certId: CertId;
  status: "good" | "revoked" | "unknown";
  revokedAt?: Date;
  /** The JPKI reason, when the CRLReason is one of the four JPKI uses. */
  reason?: RevocationReason;
  /** The CRLReason code as received (any RFC 5280 value), when the response has one. */
  reasonCode?: number;
  thisUpdate: Date;
  nextUpdate?: Date;
}

/** ResponderID: the SHA-1 hash of the signer's key, or the DER of its subject name. */
export type ResponderId = { byKey: Bytes } | { byName: Bytes };

export interface SuccessfulOcspResponse {
  responseStatus: "successful";
  responderId: ResponderId;
  producedAt: Date;
  responses: OcspSingleResponse[];
  /** The nonce extension's extnValue contents, as received. */
  nonce?: Bytes;
  /** The `certs` of the BasicOCSPResponse (a delegated responder's certificate), in order. */
  certificates: x509.X509Certificate[];
  /** OID of the signature algorithm. */
  signatureAlgorithm: string;
  /** The exact DER of ResponseData: what the signature covers. */
  tbsResponseData: Bytes;
  signature: Bytes;
}

export interface UnsuccessfulOcspResponse {
  responseStatus: OcspErrorStatus;
}

export type ParsedOcspResponse = SuccessfulOcspResponse | UnsuccessfulOcspResponse;

const STATUS_BY_CODE = new Map<number, OcspResponseStatus>([
  [0, "successful"],
  ...(Object.entries(OCSP_ERROR_STATUSES).map(([name, code]) => [code, name]) as [number, OcspErrorStatus][]),
]);

function malformed(message: string, cause?: unknown): JpkiError {
  return new JpkiError("OCSP_RESPONSE_MALFORMED", message, cause === undefined ? undefined : { cause });
}

export function parseOcspResponse(input: BufferSource): ParsedOcspResponse {
  const der = toBytes(input);
  let response: pkijs.OCSPResponse;
  try {
    readOnly(der, TAG.SEQUENCE);
    getCrypto();
    response = pkijs.OCSPResponse.fromBER(der);
  } catch (cause) {
    throw malformed("not a DER OCSPResponse", cause);
  }
  const status = STATUS_BY_CODE.get(response.responseStatus.valueBlock.valueDec);
  if (!status) throw malformed(`unknown OCSPResponseStatus ${response.responseStatus.valueBlock.valueDec}`);
  if (status !== "successful") return { responseStatus: status };
  const bytes = response.responseBytes;
  if (!bytes) throw malformed("a successful OCSPResponse without responseBytes");
  if (bytes.responseType !== OID.ocspBasic) throw malformed(`unsupported response type ${bytes.responseType}`);
  return parseBasic(toBytes(bytes.response.valueBlock.valueHexView));
}

function parseBasic(der: Bytes): SuccessfulOcspResponse {
  let basic: pkijs.BasicOCSPResponse;
  let certificates: x509.X509Certificate[];
  let responderId: ResponderId;
  try {
    const outer = readOnly(der, TAG.SEQUENCE);
    basic = pkijs.BasicOCSPResponse.fromBER(der);
    const fields = childrenOf(der, outer);
    const certsField = fields[3];
    certificates =
      certsField && certsField.tag === TAG.context(0)
        ? childrenOf(der, childrenOf(der, certsField)[0]!).map((c) => new x509.X509Certificate(encodingOf(der, c)))
        : [];
    const tbsFields = childrenOf(der, fields[0]!);
    const idField = tbsFields[tbsFields[0]!.tag === TAG.context(0) ? 1 : 0]!;
    const idValue = childrenOf(der, idField)[0]!;
    responderId =
      idField.tag === TAG.context(2) ? { byKey: valueOf(der, idValue) } : { byName: encodingOf(der, idValue) };
  } catch (cause) {
    throw cause instanceof JpkiError ? cause : malformed("not a BasicOCSPResponse", cause);
  }
  const data = basic.tbsResponseData;
  if (data.version !== undefined && data.version !== 0) throw malformed(`unsupported ResponseData version ${data.version}`);
  let nonce: Bytes | undefined;
  for (const extension of data.responseExtensions ?? []) {
    if (extension.extnID === OID.ocspNonce) nonce = toBytes(extension.extnValue.valueBlock.valueHexView);
    else if (extension.critical) throw malformed(`unknown critical response extension ${extension.extnID}`);
  }
  return {
    responseStatus: "successful",
    responderId,
    producedAt: data.producedAt,
    responses: data.responses.map(parseSingle),
    ...(nonce ? { nonce } : {}),
    certificates,
    signatureAlgorithm: basic.signatureAlgorithm.algorithmId,
    tbsResponseData: toBytes(data.tbsView),
    signature: toBytes(basic.signature.valueBlock.valueHexView),
  };
}

function parseSingle(single: pkijs.SingleResponse): OcspSingleResponse {
  let certId: CertId;
  try {
    certId = fromPkijsCertId(single.certID);
  } catch (cause) {
    throw malformed("bad CertID in a SingleResponse", cause);
  }
  const base = {
    certId,
    thisUpdate: single.thisUpdate,
    ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
  };
  const certStatus = single.certStatus as asn1js.BaseBlock;
  switch (certStatus.idBlock.tagNumber) {
    case 0:
      return { ...base, status: "good" };
    case 2:
      return { ...base, status: "unknown" };
    case 1: {
      const inner = (certStatus as asn1js.Constructed).valueBlock.value;
      const time = inner[0] as asn1js.GeneralizedTime | undefined;
      if (!time || typeof time.toDate !== "function") throw malformed("RevokedInfo without revocationTime");
      const reasonBlock = (inner[1] as asn1js.Constructed | undefined)?.valueBlock.value[0] as asn1js.Enumerated | undefined;
      const reasonCode = reasonBlock?.valueBlock.valueDec;
      const reason = reasonCode === undefined ? undefined : revocationReasonFromCode(reasonCode);
      return {
        ...base,
        status: "revoked",
        revokedAt: time.toDate(),
        ...(reasonCode === undefined ? {} : { reasonCode }),
        ...(reason ? { reason } : {}),
      };
    }
    default:
      throw malformed(`unknown CertStatus [${certStatus.idBlock.tagNumber}]`);
  }
}
