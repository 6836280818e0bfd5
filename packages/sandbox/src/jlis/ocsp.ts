/**
 * Certificate status as a relying party learns it (JPKI.md "Revocation and status", steps ⑤⑥): an RFC 6960
 * OCSP request with a fresh nonce POSTed to jlis's `/ocsp/{s,r}`. `ocsp` hands back what the responder said,
 * chaos included (`tryLater`…); `certificateStatus` believes only an answer that verifies (jpki-core
 * verifyOcspResponse: signed by the CA or its delegated responder, nonce echoed, about this serial, current
 * at sandbox time) and is otherwise OCSP_FAILED.
 */
import {
  buildOcspRequest,
  isJpkiError,
  normaliseSerialNumber,
  parseOcspResponse,
  parseX509,
  verifyOcspResponse,
  type OcspResponseStatus,
  type RevocationReason,
} from "@jpki-sandbox/jpki-core";
import { SandboxError } from "../errors.js";
import type { ServiceHttp } from "../http/service-http.js";
import type { CertificateKind, JlisAdmin } from "./admin.js";

/** What one OCSP exchange yielded, not yet believed. */
export type OcspAnswer =
  | {
      responseStatus: "successful";
      status: "good" | "revoked" | "unknown";
      revokedAt?: Date;
      reason?: RevocationReason;
      thisUpdate: Date;
      nextUpdate?: Date;
      producedAt: Date;
      /** The DER OCSPResponse, for checks of your own. */
      der: Uint8Array<ArrayBuffer>;
    }
  | { responseStatus: Exclude<OcspResponseStatus, "successful">; der: Uint8Array<ArrayBuffer> };

/** A verified status. */
export interface CertificateStatus {
  serialNumber: string;
  kind: CertificateKind;
  status: "good" | "revoked" | "unknown";
  revokedAt?: Date;
  reason?: RevocationReason;
  thisUpdate: Date;
}

export class JlisOcsp {
  constructor(
    private readonly http: ServiceHttp,
    private readonly admin: JlisAdmin,
  ) {}

  /** One OCSP exchange about `serial` at the `kind` CA's responder, with a nonce. */
  async ocsp(serial: string, kind: CertificateKind): Promise<OcspAnswer> {
    return (await this.#exchange(serial, kind)).answer;
  }

  /**
   * The certificate's status, from an OCSP answer that verifies at sandbox time. Without `kind`, the S
   * responder is asked first and the R responder when S does not know the serial.
   */
  async certificateStatus(serial: string, options: { kind?: CertificateKind } = {}): Promise<CertificateStatus> {
    if (options.kind) return this.#verified(serial, options.kind);
    const s = await this.#verified(serial, "S");
    return s.status === "unknown" ? this.#verified(serial, "R") : s;
  }

  async #verified(serial: string, kind: CertificateKind): Promise<CertificateStatus> {
    const { answer, nonce, issuer, serialNumber } = await this.#exchange(serial, kind);
    if (answer.responseStatus !== "successful") {
      throw new SandboxError("OCSP_FAILED", `jlis's ${kind} OCSP responder answered ${answer.responseStatus} about ${serialNumber}`, { service: "jlis" });
    }
    const at = (await this.admin.clock()).now;
    try {
      const { single } = await verifyOcspResponse(answer.der, { issuer, nonce, serialNumber, at });
      if (!single) throw new SandboxError("OCSP_FAILED", `jlis's OCSP answer says nothing about ${serialNumber}`, { service: "jlis" });
      return {
        serialNumber,
        kind,
        status: single.status,
        ...(single.revokedAt ? { revokedAt: single.revokedAt } : {}),
        ...(single.reason ? { reason: single.reason } : {}),
        thisUpdate: single.thisUpdate,
      };
    } catch (error) {
      if (isJpkiError(error)) throw new SandboxError("OCSP_FAILED", `jlis's ${kind} OCSP answer about ${serialNumber} does not verify: ${error.code} ${error.message}`, { cause: error, service: "jlis" });
      throw error;
    }
  }

  async #exchange(serial: string, kind: CertificateKind) {
    const serialNumber = normalise(serial);
    const issuer = await this.#issuer(kind);
    const request = await buildOcspRequest({ issuer, serialNumbers: [serialNumber], nonce: true });
    const der = await this.http.bytes(`/ocsp/${kind.toLowerCase()}`, {
      method: "POST",
      body: request.der,
      contentType: "application/ocsp-request",
      accept: "application/ocsp-response",
      what: `an OCSP request about ${serialNumber}`,
    });
    let parsed: ReturnType<typeof parseOcspResponse>;
    try {
      parsed = parseOcspResponse(der);
    } catch (cause) {
      throw new SandboxError("OCSP_FAILED", `jlis answered an OCSP request with something that is not an OCSPResponse`, { cause, service: "jlis" });
    }
    let answer: OcspAnswer;
    if (parsed.responseStatus !== "successful") answer = { responseStatus: parsed.responseStatus, der };
    else {
      const single = parsed.responses.find((response) => response.certId.serialNumber === serialNumber) ?? parsed.responses[0];
      if (!single) throw new SandboxError("OCSP_FAILED", "jlis's OCSP answer has no SingleResponse", { service: "jlis" });
      answer = {
        responseStatus: "successful",
        status: single.status,
        ...(single.revokedAt ? { revokedAt: single.revokedAt } : {}),
        ...(single.reason ? { reason: single.reason } : {}),
        thisUpdate: single.thisUpdate,
        ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
        producedAt: parsed.producedAt,
        der,
      };
    }
    return { answer, nonce: request.nonce, issuer, serialNumber };
  }

  /** Fetched each time: an ephemeral jlis restarted under the same client has new CA keys. */
  async #issuer(kind: CertificateKind) {
    return parseX509(await this.admin.caCertificatePem(kind));
  }
}

function normalise(serial: string): string {
  try {
    return normaliseSerialNumber(serial);
  } catch (cause) {
    throw new SandboxError("INVALID_ARGUMENT", `not a hexadecimal serial number: ${JSON.stringify(serial)}`, { cause });
  }
}
