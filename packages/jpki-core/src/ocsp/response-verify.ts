/**
 * Decides whether a parsed OCSPResponse may be believed (RFC 6960 §3.2, §4.2.2.2): signed by the CA itself
 * or by a responder certificate the CA issued with id-kp-OCSPSigning, valid now; about the certificate asked
 * for; with the nonce sent; and current. Every failure is a JpkiError whose code names the check.
 */
import { x509 } from "../crypto/x509-library.js";
import { getCrypto } from "../crypto/provider.js";
import { RSA_SIGNATURE_HASH_BY_OID, verifyRsaSignature } from "../crypto/verify-signature.js";
import { bytesEqual, toBytes, type Bytes } from "../encoding/pem.js";
import { JpkiError, type JpkiErrorCode } from "../errors.js";
import { OID } from "../oids.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { certIdMatchesIssuer, certIdsEqual, certificateNamesAndKey, issuerHashes, type CertId } from "./cert-id.js";
import {
  parseOcspResponse,
  type OcspSingleResponse,
  type ParsedOcspResponse,
  type SuccessfulOcspResponse,
} from "./response-parser.js";

/** Default tolerance between the responder's clock and ours. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

export interface VerifyOcspResponseOptions {
  /** The CA that issued the certificate in question. */
  issuer: x509.X509Certificate;
  /** Default now (the sandbox clock passes its own). */
  at?: Date;
  clockSkewSeconds?: number;
  /** When a SingleResponse has no nextUpdate, reject it if thisUpdate is older than this (default: accept). */
  maxAgeSeconds?: number;
  /** The nonce extnValue contents that were sent (BuiltOcspRequest.nonce); the response must echo them. */
  nonce?: BufferSource;
  /** The certificate asked about, by serial (issued by `issuer`) or by exact CertID. */
  serialNumber?: string;
  certId?: CertId;
}

export interface VerifiedOcspResponse {
  response: SuccessfulOcspResponse;
  /** The CA signed the response itself, or a delegated responder did. */
  signedBy: "issuer" | "delegated";
  responderCertificate?: x509.X509Certificate;
  /** The SingleResponse about `serialNumber`/`certId`, when one was given. */
  single?: OcspSingleResponse;
}

function fail(code: JpkiErrorCode, message: string): never {
  throw new JpkiError(code, message);
}

export async function verifyOcspResponse(
  input: ParsedOcspResponse | BufferSource,
  options: VerifyOcspResponseOptions,
): Promise<VerifiedOcspResponse> {
  const parsed = isParsed(input) ? input : parseOcspResponse(input);
  if (parsed.responseStatus !== "successful") {
    fail("OCSP_RESPONSE_UNSUCCESSFUL", `the responder answered ${parsed.responseStatus}`);
  }
  const at = options.at ?? new Date();
  const { issuer } = options;

  // 1. Who signed: the CA, or a responder certificate in `certs` that ResponderID names.
  const ca = certificateNamesAndKey(issuer);
  const caKeyHash = (await issuerHashes(issuer, "SHA-1")).issuerKeyHash;
  let signerCertificate = issuer;
  let signedBy: VerifiedOcspResponse["signedBy"] = "issuer";
  if (!(await responderIdNames(parsed, issuer, caKeyHash, ca.subjectName))) {
    const candidates = await Promise.all(parsed.certificates.map(async (c) => ((await responderIdNames(parsed, c)) ? c : undefined)));
    const responder = candidates.find((c) => c !== undefined);
    if (!responder) fail("OCSP_RESPONDER_UNAUTHORIZED", "the response is signed neither by the CA nor by a certificate it carries");
    await checkDelegatedResponder(responder, issuer, ca.subjectName, at);
    signerCertificate = responder;
    signedBy = "delegated";
  }

  // 2. The signature over the exact ResponseData bytes.
  const hash = RSA_SIGNATURE_HASH_BY_OID[parsed.signatureAlgorithm];
  if (!hash) fail("OCSP_RESPONSE_SIGNATURE_INVALID", `unsupported signature algorithm ${parsed.signatureAlgorithm}`);
  const valid = await verifyRsaSignature(signerCertificate, parsed.signature, parsed.tbsResponseData, hash);
  if (!valid) fail("OCSP_RESPONSE_SIGNATURE_INVALID", "the OCSP response signature does not verify");

  // 3. The nonce we sent, echoed unchanged.
  if (options.nonce !== undefined) {
    if (!parsed.nonce) fail("OCSP_NONCE_MISMATCH", "the response carries no nonce");
    if (!bytesEqual(parsed.nonce, toBytes(options.nonce))) fail("OCSP_NONCE_MISMATCH", "the response nonce differs from the request's");
  }

  // 4. About the certificate asked for, from this CA.
  let checked: OcspSingleResponse[];
  let single: OcspSingleResponse | undefined;
  if (options.certId || options.serialNumber !== undefined) {
    single = await findSingle(parsed.responses, issuer, options);
    if (!single) fail("OCSP_CERT_ID_MISMATCH", "the response does not answer for the certificate asked about");
    checked = [single];
  } else {
    for (const response of parsed.responses) {
      if (!(await certIdMatchesIssuer(response.certId, issuer))) {
        fail("OCSP_CERT_ID_MISMATCH", `the response answers for serial ${response.certId.serialNumber} of another issuer`);
      }
    }
    checked = parsed.responses;
  }

  // 5. Current (RFC 6960 §3.2 items 5–6, with clock skew).
  const skew = (options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  const now = at.getTime();
  for (const response of checked) {
    if (response.thisUpdate.getTime() > now + skew) fail("OCSP_RESPONSE_NOT_CURRENT", "thisUpdate is in the future");
    if (response.nextUpdate) {
      if (response.nextUpdate.getTime() < now - skew) fail("OCSP_RESPONSE_NOT_CURRENT", "nextUpdate has passed");
    } else if (options.maxAgeSeconds !== undefined && response.thisUpdate.getTime() < now - options.maxAgeSeconds * 1000) {
      fail("OCSP_RESPONSE_NOT_CURRENT", "the response is older than maxAgeSeconds");
    }
  }

  return {
    response: parsed,
    signedBy,
    ...(signedBy === "delegated" ? { responderCertificate: signerCertificate } : {}),
    ...(single ? { single } : {}),
  };
}

function isParsed(input: ParsedOcspResponse | BufferSource): input is ParsedOcspResponse {
  return typeof (input as ParsedOcspResponse).responseStatus === "string";
}

async function responderIdNames(
  parsed: SuccessfulOcspResponse,
  certificate: x509.X509Certificate,
  keyHash?: Bytes,
  subjectName?: Bytes,
): Promise<boolean> {
  const id = parsed.responderId;
  if ("byKey" in id) return bytesEqual(id.byKey, keyHash ?? (await issuerHashes(certificate, "SHA-1")).issuerKeyHash);
  return bytesEqual(id.byName, subjectName ?? certificateNamesAndKey(certificate).subjectName);
}

/** RFC 6960 §4.2.2.2: issued directly by the CA, id-kp-OCSPSigning in extKeyUsage; and valid at `at`. */
async function checkDelegatedResponder(
  responder: x509.X509Certificate,
  issuer: x509.X509Certificate,
  caSubject: Bytes,
  at: Date,
): Promise<void> {
  if (!bytesEqual(certificateNamesAndKey(responder).issuerName, caSubject)) {
    fail("OCSP_RESPONDER_UNAUTHORIZED", "the responder certificate was not issued by the CA");
  }
  let issuedByCa = false;
  try {
    issuedByCa = await responder.verify({ publicKey: issuer, signatureOnly: true }, getCrypto());
  } catch {
    issuedByCa = false;
  }
  if (!issuedByCa) fail("OCSP_RESPONDER_UNAUTHORIZED", "the responder certificate is not signed by the CA");
  const eku = responder.getExtension(x509.ExtendedKeyUsageExtension);
  if (!eku?.usages.includes(OID.kpOcspSigning)) {
    fail("OCSP_RESPONDER_UNAUTHORIZED", "the responder certificate lacks id-kp-OCSPSigning");
  }
  if (at.getTime() < responder.notBefore.getTime() || at.getTime() > responder.notAfter.getTime()) {
    fail("OCSP_RESPONDER_UNAUTHORIZED", "the responder certificate is not valid at the check time");
  }
}

async function findSingle(
  responses: readonly OcspSingleResponse[],
  issuer: x509.X509Certificate,
  options: VerifyOcspResponseOptions,
): Promise<OcspSingleResponse | undefined> {
  if (options.certId) return responses.find((r) => certIdsEqual(r.certId, options.certId!));
  const serial = normaliseSerialNumber(options.serialNumber!);
  for (const response of responses) {
    if (response.certId.serialNumber === serial && (await certIdMatchesIssuer(response.certId, issuer))) return response;
  }
  return undefined;
}
