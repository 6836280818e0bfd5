/**
 * A scriptable J-LIS for the bank's unit tests (TEST ONLY), in the style of mock-oauth2-server: by default
 * its OCSP answers "good" for every serial, signed by the CA's delegated responder, echoing the nonce; a test
 * sets a serial's status, queues one-off answers (tryLater, garbage, a forged response…), or makes J-LIS
 * unreachable, and inspects the requests received. Linkage answers come from maps the test fills in.
 */
import {
  buildOcspErrorResponse,
  buildOcspResponse,
  normaliseSerialNumber,
  parseOcspRequest,
  type Bytes,
  type OcspCertStatus,
  type OcspErrorStatus,
  type OcspSigner,
  type ParsedOcspRequest,
} from "@jpki-sandbox/jpki-core";
import { BankError } from "../errors.js";
import type { CertificateKind, JlisServices } from "../ports.js";
import { SANDBOX_NOW, type TestPki } from "./sandbox.js";

export interface OcspAnswerOptions {
  status?: OcspCertStatus;
  /** Default: the CA's delegated responder. */
  signer?: OcspSigner;
  /** "echo" (default) the request's nonce, "omit" it, or send these extnValue bytes instead. */
  nonce?: "echo" | "omit" | Bytes;
  thisUpdate?: Date;
  /** null: no nextUpdate. */
  nextUpdate?: Date | null;
}

/** One scripted answer to the next OCSP request. */
export type OcspScript = (request: ParsedOcspRequest, jlis: FakeJlis, kind: CertificateKind) => Bytes | Promise<Bytes>;

const HOUR = 3600_000;

export class FakeJlis implements JlisServices {
  clock = SANDBOX_NOW;
  /** Status by normalised serial; absent = good. */
  readonly statuses = new Map<string, OcspCertStatus>();
  /** Answers used (and removed) before the default one, in order. */
  readonly script: OcspScript[] = [];
  readonly ocspRequests: Array<{ kind: CertificateKind; request: ParsedOcspRequest }> = [];
  unreachable = false;
  /** Linkage 1: S serial → R serial. */
  readonly userAuthSerials = new Map<string, string>();
  /** Linkage 2: old S serial → current S. */
  readonly successors = new Map<string, { serialNumber: string; pem: string }>();
  linkageUnavailable = false;

  constructor(readonly pki: TestPki) {}

  async now(): Promise<Date> {
    if (this.unreachable) throw new BankError("JLIS_UNAVAILABLE", "jlis cannot be reached (fake)");
    return this.clock;
  }

  async caCertificate(kind: CertificateKind): Promise<Bytes> {
    return new Uint8Array(this.pki[kind].ca.certificate.rawData);
  }

  async ocsp(kind: CertificateKind, request: Bytes): Promise<Bytes> {
    if (this.unreachable) throw new BankError("JLIS_UNAVAILABLE", "jlis cannot be reached (fake)");
    const parsed = parseOcspRequest(request);
    this.ocspRequests.push({ kind, request: parsed });
    const scripted = this.script.shift();
    if (scripted) return scripted(parsed, this, kind);
    return this.answer(kind, parsed);
  }

  setStatus(serialNumber: string, status: OcspCertStatus): void {
    this.statuses.set(normaliseSerialNumber(serialNumber), status);
  }

  /** A signed answer about the request's first CertID. */
  answer(kind: CertificateKind, request: ParsedOcspRequest, options: OcspAnswerOptions = {}): Promise<Bytes> {
    const certId = request.certIds[0]!;
    const status = options.status ?? this.statuses.get(certId.serialNumber) ?? { status: "good" as const };
    const thisUpdate = options.thisUpdate ?? new Date(this.clock.getTime() - HOUR);
    const nextUpdate = options.nextUpdate === undefined ? new Date(this.clock.getTime() + 24 * HOUR) : options.nextUpdate;
    const nonce = options.nonce ?? "echo";
    const nonceBytes = nonce === "echo" ? request.nonce : nonce === "omit" ? undefined : nonce;
    return buildOcspResponse({
      signer: options.signer ?? this.pki[kind].responder,
      producedAt: thisUpdate,
      ...(nonceBytes ? { nonce: nonceBytes } : {}),
      responses: [{ certId, thisUpdate, ...(nextUpdate ? { nextUpdate } : {}), ...status }],
    });
  }

  /** Queues `count` unsigned error answers (tryLater, internalError…). */
  queueError(status: OcspErrorStatus, count = 1): void {
    for (let i = 0; i < count; i++) this.script.push(() => buildOcspErrorResponse(status));
  }

  /** Queues one signed answer made with `options`. */
  queueAnswer(options: OcspAnswerOptions): void {
    this.script.push((request, jlis, kind) => jlis.answer(kind, request, options));
  }

  async userAuthSerialOf(signingSerial: string): Promise<string> {
    if (this.linkageUnavailable) throw new BankError("LINKAGE_UNAVAILABLE", "linkage is down (fake)");
    const serial = this.userAuthSerials.get(signingSerial);
    if (!serial) throw new BankError("LINKAGE_REFUSED", `no R for S ${signingSerial} (fake)`);
    return serial;
  }

  async currentSigningCertificateOf(signingSerial: string): Promise<{ serialNumber: string; pem: string; succession: string[]; status: string }> {
    if (this.linkageUnavailable) throw new BankError("LINKAGE_UNAVAILABLE", "linkage is down (fake)");
    const next = this.successors.get(signingSerial);
    if (!next) return { serialNumber: signingSerial, pem: "", succession: [signingSerial], status: "revoked" };
    return { ...next, succession: [signingSerial, next.serialNumber], status: "good" };
  }

  async latestAttributes(): Promise<{ name: string; dateOfBirth: string | null; sex: string; address: string }> {
    throw new BankError("LINKAGE_UNAVAILABLE", "not scripted (fake)");
  }
}
