/**
 * Signing approvals (DESIGN.md "Bank ↔ portal"): a bank asks server to server for a signature — `sign` over a
 * document with the S key, or `auth` over a challenge with the R key; the citizen sees who asks and what,
 * picks a card and enters its PIN; the card signs; the browser goes back with a one-time code that the same
 * bank redeems, with the same state value, once and soon, for the result.
 */
import {
  base64ToBytes,
  bytesToBase64,
  parseX509,
  sha256,
  sha256DigestInfoOf,
  signCms,
  type Bytes,
} from "@jpki-sandbox/jpki-core";
import { JpkiCardReader } from "@jpki-sandbox/virtual-card";
import type { ApprovalStatus, ApprovalView, SigningResult } from "../../shared/api-types.js";
import { fromCardError } from "../cards/card-errors.js";
import { PortalChaosSettings } from "../chaos/signing-result-chaos.js";
import { checkPinFormat } from "../cards/card-pins.js";
import { cardSummary } from "../cards/card-views.js";
import type { CardVault } from "../cards/card-vault.js";
import { PortalError } from "../errors.js";
import type { JlisCounter, PortalStore } from "../ports.js";
import type { BankClientRecord, CardRecord, SigningRequestRecord } from "../records.js";
import { hashOneTimeCode, newOneTimeCode, newRequestId } from "./one-time-code.js";
import { checkReturnUrl, redirectWith } from "./return-url.js";

export type NewSigningRequest =
  | { kind: "sign"; document: Bytes; contentType: string; displayText: string; returnUrl: string; state: string }
  | { kind: "auth"; challenge: Bytes; displayText: string; returnUrl: string; state: string };

export interface ApprovalTimes {
  /** How long the citizen has to approve. */
  requestTtlSeconds: number;
  /** How long the one-time code lives once issued. */
  codeTtlSeconds: number;
  /**
   * The clock of those deadlines: real time by default (they are security timeouts, not certificate
   * times, so the sandbox clock does not move them); tests pass their own.
   */
  now?: () => Date;
}

export class ApprovalService {
  constructor(
    private readonly store: PortalStore,
    private readonly vault: CardVault,
    private readonly jlis: JlisCounter,
    private readonly times: ApprovalTimes,
    /** What the bank receives may be altered on purpose (chaos for relying parties' tests). */
    private readonly chaos: PortalChaosSettings = new PortalChaosSettings(),
  ) {}

  private realNow(): Date {
    return this.times.now?.() ?? new Date();
  }

  async create(client: BankClientRecord, request: NewSigningRequest): Promise<SigningRequestRecord> {
    checkReturnUrl(request.returnUrl, client.returnOrigins);
    const payload = request.kind === "sign" ? request.document : request.challenge;
    return this.store.signingRequests.insert({
      id: newRequestId(),
      clientId: client.id,
      kind: request.kind,
      payload: bytesToBase64(payload),
      contentType: request.kind === "sign" ? request.contentType : null,
      displayText: request.displayText,
      returnUrl: request.returnUrl,
      state: request.state,
      expiresAt: new Date(this.realNow().getTime() + this.times.requestTtlSeconds * 1000),
    });
  }

  async view(id: string): Promise<ApprovalView> {
    const request = await this.request(id);
    const client = await this.store.bankClients.get(request.clientId);
    const payload = base64ToBytes(request.payload);
    const now = await this.jlis.now();
    const cards = (await this.store.cards.list()).filter((card) => holdsCertificateFor(card, request.kind));
    return {
      id: request.id,
      kind: request.kind,
      status: effectiveStatus(request, this.realNow()),
      client: { id: request.clientId, name: client?.name ?? request.clientId },
      displayText: request.displayText,
      createdAt: request.createdAt.toISOString(),
      expiresAt: request.expiresAt.toISOString(),
      document:
        request.kind === "sign"
          ? { contentType: request.contentType ?? "application/octet-stream", size: payload.length, sha256: hex(await sha256(payload)), text: textOf(payload, request.contentType) }
          : null,
      challenge: request.kind === "auth" ? hex(payload) : null,
      // Any status: a card reported lost still signs (the bank's OCSP check is what refuses it).
      cards: cards.map((card) => cardSummary(card, this.vault.open(card), now)),
    };
  }

  /** The citizen approves with a card and its PIN; returns where to send the browser (with the code). */
  async approve(id: string, cardId: string, pin: string): Promise<string> {
    const request = await this.pendingRequest(id);
    const record = await this.vault.record(cardId);
    if (!holdsCertificateFor(record, request.kind)) {
      throw new PortalError("CARD_LACKS_CERTIFICATE", `card ${cardId} has no ${request.kind === "sign" ? "signing (S)" : "user-authentication (R)"} certificate`);
    }
    checkPinFormat(request.kind === "sign" ? "signing" : "userAuth", pin);
    const payload = base64ToBytes(request.payload);
    const signingTime = await this.jlis.now();
    const result = await this.vault.use(cardId, async (card, current) => {
      const reader = new JpkiCardReader(card);
      try {
        return { result: await signOnCard(reader, request, current, payload, pin, signingTime) };
      } catch (error) {
        throw fromCardError(error);
      }
    });
    const { code, codeHash } = newOneTimeCode();
    const moved = await this.store.signingRequests.transition(id, "pending", {
      status: "approved",
      cardId,
      codeHash,
      codeExpiresAt: new Date(this.realNow().getTime() + this.times.codeTtlSeconds * 1000),
      result,
    });
    if (!moved) throw new PortalError("APPROVAL_NOT_PENDING", "this request was answered meanwhile");
    return redirectWith(request.returnUrl, { code, state: request.state });
  }

  /**
   * The citizen declines: the bank gets `error=access_denied` (RFC 6749 §4.1.2.1 wording). An expired request
   * can be cancelled too, so the browser always has a way back to the bank.
   */
  async cancel(id: string): Promise<string> {
    const request = await this.request(id);
    if (request.status !== "pending") throw new PortalError("APPROVAL_NOT_PENDING", `this request is already ${request.status}`);
    const moved = await this.store.signingRequests.transition(id, "pending", { status: "cancelled", completedAt: this.realNow() });
    if (!moved) throw new PortalError("APPROVAL_NOT_PENDING", "this request was answered meanwhile");
    return redirectWith(request.returnUrl, { error: "access_denied", error_description: "the citizen cancelled", state: request.state });
  }

  /** The bank exchanges the code, once, for the signature. */
  async redeem(client: BankClientRecord, code: string, state: string): Promise<SigningResult> {
    const request = await this.store.signingRequests.getByCodeHash(hashOneTimeCode(code));
    // Another client's code is reported as unknown: a client learns nothing about codes not its own.
    if (!request || request.clientId !== client.id) throw new PortalError("APPROVAL_CODE_INVALID", "unknown code");
    if (request.status === "redeemed") throw new PortalError("APPROVAL_CODE_REUSED", "this code was already redeemed");
    if (request.status !== "approved" || !request.codeExpiresAt) throw new PortalError("APPROVAL_CODE_INVALID", "unknown code");
    if (request.codeExpiresAt.getTime() <= this.realNow().getTime()) throw new PortalError("APPROVAL_CODE_EXPIRED", "the code has expired; ask the citizen again");
    if (request.state !== state) throw new PortalError("APPROVAL_STATE_MISMATCH", "state does not match the request this code answers");
    const moved = await this.store.signingRequests.transition(request.id, "approved", { status: "redeemed", completedAt: this.realNow() });
    if (!moved) throw new PortalError("APPROVAL_CODE_REUSED", "this code was already redeemed");
    return this.chaos.apply(request.result as SigningResult, base64ToBytes(request.payload));
  }

  private async request(id: string): Promise<SigningRequestRecord> {
    const request = await this.store.signingRequests.get(id);
    if (!request) throw new PortalError("APPROVAL_NOT_FOUND", `no signing request ${id}`);
    return request;
  }

  private async pendingRequest(id: string): Promise<SigningRequestRecord> {
    const request = await this.request(id);
    const status = effectiveStatus(request, this.realNow());
    if (status === "expired") throw new PortalError("APPROVAL_EXPIRED", "this request has expired; go back to the bank and start again");
    if (status !== "pending") throw new PortalError("APPROVAL_NOT_PENDING", `this request is already ${status}`);
    return request;
  }
}

async function signOnCard(
  reader: JpkiCardReader,
  request: SigningRequestRecord,
  record: CardRecord,
  payload: Bytes,
  pin: string,
  signingTime: Date,
): Promise<SigningResult> {
  await reader.selectApplet();
  if (request.kind === "sign") {
    const certificatePem = record.signingCertificatePem as string;
    await reader.verifySigningPin(pin);
    const signedData = await signCms({
      content: payload,
      signerCertificate: parseX509(certificatePem),
      signer: reader.signingSigner(pin),
      signingTime,
    });
    return { kind: "sign", requestId: request.id, cardId: record.id, signedData: bytesToBase64(signedData), signingCertificate: certificatePem };
  }
  const signature = await reader.signWithUserAuthKey(await sha256DigestInfoOf(payload), pin);
  return {
    kind: "auth",
    requestId: request.id,
    cardId: record.id,
    signature: bytesToBase64(signature),
    userAuthCertificate: record.userAuthCertificatePem as string,
  };
}

function holdsCertificateFor(card: CardRecord, kind: "sign" | "auth"): boolean {
  return kind === "sign" ? card.signingCertificatePem !== null : card.userAuthCertificatePem !== null;
}

function effectiveStatus(request: SigningRequestRecord, now: Date): ApprovalStatus {
  if (request.status === "pending" && request.expiresAt.getTime() <= now.getTime()) return "expired";
  return request.status;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** The document as text when it says it is text (or JSON) and decodes as UTF-8; else null. */
function textOf(bytes: Uint8Array, contentType: string | null): string | null {
  if (!contentType || !/^(text\/|application\/(json|xml)|[^;]*\+(json|xml))/i.test(contentType)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
