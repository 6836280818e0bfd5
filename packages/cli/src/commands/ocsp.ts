/**
 * `jpki-sandbox ocsp CERT.pem`: asks the certificate's OCSP responder about it (RFC 6960), as a verifier does
 * in steps ⑤–⑥ of JPKI.md's flow, and believes the answer only after verifyOcspResponse: signed by the CA
 * or its delegated responder, our nonce echoed, about our CertID, current on the sandbox clock.
 * Exit 0 good, 1 revoked or unknown, 2 anything that prevented an answer.
 */
import {
  buildOcspRequest,
  crlReasonName,
  getCrypto,
  parseCertificate,
  verifyOcspResponse,
  type CertificateKind,
  type OcspSingleResponse,
  type ParsedCertificate,
  type VerifiedOcspResponse,
} from "@jpki-sandbox/jpki-core";
import type { CliEnv } from "../env.js";
import { readInputFile } from "../files.js";
import { JlisClient, resolveJlisUrl } from "../jlis-client.js";
import { JLIS_PATHS, type SandboxClockState } from "../jlis-api.js";
import { CliError, CliInputError, EXIT, type CliIo } from "../io.js";

type X509Certificate = ParsedCertificate["certificate"];

export interface OcspOptions {
  ca?: string;
  /** commander sets false for --no-nonce; undefined (not given) means send one. */
  nonce?: boolean;
  json?: boolean;
  jlis?: string;
}

/** Where to send the request: --jlis given → that jlis; else the certificate's AIA OCSP URL; else the default jlis. */
export function ocspUrlFor(certificate: ParsedCertificate, kind: CertificateKind | undefined, client: JlisClient, jlisExplicit: boolean): string {
  const aia = certificate.ocspUrls.find((url) => /^https?:\/\//i.test(url));
  if (!jlisExplicit && aia) return aia;
  if (!kind) throw new CliInputError("the certificate is not a JPKI S or R certificate and names no OCSP URL: cannot tell which responder to ask");
  return client.url(JLIS_PATHS.ocsp(kind));
}

export async function ocsp(file: string, options: OcspOptions, io: CliIo, env: CliEnv): Promise<number> {
  const subject = parseCertificate(readInputFile(file, "certificate file"));
  const kind = subject.kind === "other" ? undefined : subject.kind;
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  const url = ocspUrlFor(subject, kind, client, options.jlis !== undefined);
  const issuer = await issuerOf(subject, kind, options.ca, client);

  const request = await buildOcspRequest({ issuer, serialNumbers: [subject.serialNumber], nonce: options.nonce !== false });
  const answer = await client.postBytes(url, request.der, "application/ocsp-request", "application/ocsp-response");
  const at = await sandboxNow(client);
  const verified = await verifyOcspResponse(answer, {
    issuer,
    at,
    serialNumber: subject.serialNumber,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const single = verified.single;
  if (!single) throw new CliError("JLIS_BAD_RESPONSE", "the OCSP response has no answer for the certificate");

  if (options.json) io.out(JSON.stringify(jsonOf(subject, single, verified, url, request.nonce !== undefined), null, 2));
  else for (const line of describe(subject, single, verified, url)) io.out(line);
  return single.status === "good" ? EXIT.ok : EXIT.findings;
}

/** --ca (PEM or DER), else jlis's CA certificate for the kind; it must have signed the certificate. */
async function issuerOf(subject: ParsedCertificate, kind: CertificateKind | undefined, caFile: string | undefined, client: JlisClient): Promise<X509Certificate> {
  let issuer: ParsedCertificate;
  if (caFile !== undefined) {
    issuer = parseCertificate(readInputFile(caFile, "CA certificate"));
  } else {
    if (!kind) throw new CliInputError("the certificate is not a JPKI S or R certificate: give its issuer with --ca CA.pem");
    issuer = parseCertificate(await client.getBytes(JLIS_PATHS.caCertificate(kind), "application/pkix-cert"));
  }
  let signed = false;
  try {
    signed = await subject.certificate.verify({ publicKey: issuer.certificate, signatureOnly: true }, getCrypto());
  } catch {
    signed = false;
  }
  if (!signed) {
    const from = caFile ?? client.url(JLIS_PATHS.caCertificate(kind!));
    throw new CliInputError(`the certificate was not issued by the CA in ${from} (${issuer.subject})`);
  }
  return issuer.certificate;
}

/** The sandbox clock when jlis is up (its answers are dated on it, so a moved clock must not look stale), else ours. */
async function sandboxNow(client: JlisClient): Promise<Date> {
  try {
    const clock = await client.getJson<SandboxClockState>(JLIS_PATHS.clock);
    const now = new Date(clock.now);
    return Number.isNaN(now.getTime()) ? new Date() : now;
  } catch {
    return new Date();
  }
}

function reasonOf(single: OcspSingleResponse): string {
  if (single.reason) return single.reason;
  if (single.reasonCode !== undefined) return crlReasonName(single.reasonCode) ?? `reasonCode ${single.reasonCode}`;
  return "no reason given";
}

function statusLine(single: OcspSingleResponse): string {
  if (single.status !== "revoked") return single.status;
  return `revoked (${reasonOf(single)}, ${single.revokedAt?.toISOString() ?? "time unknown"})`;
}

function describe(subject: ParsedCertificate, single: OcspSingleResponse, verified: VerifiedOcspResponse, url: string): string[] {
  const signer = verified.signedBy === "issuer" ? "the CA itself" : `delegated responder ${verified.responderCertificate?.subject ?? ""}`;
  return [
    statusLine(single),
    `  certificate  ${subject.kind === "other" ? "" : `${subject.kind} `}serial ${subject.serialNumber}`,
    `  thisUpdate   ${single.thisUpdate.toISOString()}`,
    `  nextUpdate   ${single.nextUpdate?.toISOString() ?? "(none)"}`,
    `  responder    ${url}, signed by ${signer}`,
  ];
}

function jsonOf(subject: ParsedCertificate, single: OcspSingleResponse, verified: VerifiedOcspResponse, url: string, nonce: boolean) {
  return {
    status: single.status,
    serialNumber: subject.serialNumber,
    kind: subject.kind,
    ...(single.status === "revoked"
      ? { revokedAt: single.revokedAt?.toISOString() ?? null, reason: single.reason ?? null, reasonCode: single.reasonCode ?? null }
      : {}),
    thisUpdate: single.thisUpdate.toISOString(),
    nextUpdate: single.nextUpdate?.toISOString() ?? null,
    producedAt: verified.response.producedAt.toISOString(),
    responderUrl: url,
    signedBy: verified.signedBy,
    nonce,
  };
}
