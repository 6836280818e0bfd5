/**
 * PortalApprovals over HTTP: the portal's bank API (`/api/v1/signing-requests`, `/api/v1/signing-results`)
 * with the bank's client credential. The portal's refusals of a code keep their meaning (reused, expired,
 * wrong state); anything else it refuses is APPROVAL_FAILED.
 */
import { base64ToBytes, bytesToBase64 } from "@jpki-sandbox/jpki-core";
import { ServiceClient, type BasicAuth } from "@jpki-sandbox/service-kit";
import type { ApprovalResult, PortalApprovals } from "../domain/ports.js";
import { mapServiceErrors } from "./errors.js";

type WireResult =
  | { kind: "sign"; requestId: string; signedData: string; signingCertificate: string }
  | { kind: "auth"; requestId: string; signature: string; userAuthCertificate: string };

export function createPortalClient(baseUrl: string, credential: () => BasicAuth): PortalApprovals {
  const client = new ServiceClient({ baseUrl, serviceName: "portal", startHint: "start the sandbox with `npm start`" });
  const call = <T>(work: () => Promise<T>) =>
    mapServiceErrors(work, { unavailable: "PORTAL_UNAVAILABLE", refused: "APPROVAL_FAILED" }, {
      APPROVAL_CODE_REUSED: "APPROVAL_CODE_REUSED",
      APPROVAL_CODE_INVALID: "APPROVAL_CODE_INVALID",
      APPROVAL_CODE_EXPIRED: "APPROVAL_CODE_INVALID",
      APPROVAL_STATE_MISMATCH: "APPROVAL_CODE_INVALID",
    });
  return {
    async create(request) {
      const body =
        request.kind === "sign"
          ? { kind: "sign", document: bytesToBase64(request.document), documentContentType: request.documentContentType, displayText: request.displayText, returnUrl: request.returnUrl, state: request.state }
          : { kind: "auth", challenge: bytesToBase64(request.challenge), displayText: request.displayText, returnUrl: request.returnUrl, state: request.state };
      const created = await call(() => client.postJson<{ id: string; approvalUrl: string; expiresAt: string }>("/api/v1/signing-requests", body, credential()));
      return { id: created.id, approvalUrl: created.approvalUrl, expiresAt: new Date(created.expiresAt) };
    },
    async redeem(code, state): Promise<ApprovalResult> {
      const result = await call(() => client.postJson<WireResult>("/api/v1/signing-results", { code, state }, credential()));
      return result.kind === "sign"
        ? { kind: "sign", requestId: result.requestId, signedData: base64ToBytes(result.signedData), signingCertificatePem: result.signingCertificate }
        : { kind: "auth", requestId: result.requestId, signature: base64ToBytes(result.signature), userAuthCertificatePem: result.userAuthCertificate };
    },
  };
}
