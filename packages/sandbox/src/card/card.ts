/**
 * A citizen's virtual My Number Card held by the portal, as a test sees it: its ids, its two certificates
 * (利用者証明用電子証明書 R, 署名用電子証明書 S), the PINs the sandbox set — and the two things a card does,
 * done by the card itself over an APDU session: `sign` (CMS SignedData with the S key, JPKI.md "The flow" ②)
 * and `authenticate` (a challenge signed with the R key, ②'). A Card is a snapshot: life events return a new one.
 */
import { parseX509, sha256DigestInfoOf, signCms, toPem, type Persona } from "@jpki-sandbox/jpki-core";
import { SandboxError } from "../errors.js";
import type { CardViewJson } from "../schemas.js";
import { withCardReader, type ApduSessionOptions } from "./apdu-session.js";

/** The PINs set on a card (TEST ONLY values): R 利用者証明用パスワード, S 署名用パスワード. */
export interface CardPins {
  /** 4 digits, 3 tries. */
  userAuth: string;
  /** 6–16 digits or upper-case letters, 5 tries; absent when the card has no S. */
  signing?: string;
}

export type CardStatus = CardViewJson["status"];

export interface PinState {
  triesLeft: number;
  maxTries: number;
  blocked: boolean;
}

export interface SignResult {
  /** Attached CMS SignedData (RFC 5652), DER, with the S certificate; signingTime is the sandbox time. */
  signedData: Uint8Array<ArrayBuffer>;
  /** The S certificate the card holds (read from EF 0001 after the S PIN). */
  certificatePem: string;
}

export interface AuthenticateResult {
  /** RSASSA-PKCS1-v1_5 / SHA-256 over the challenge bytes (the card's COMPUTE DIGITAL SIGNATURE). */
  signature: Uint8Array<ArrayBuffer>;
  /** The R certificate the card holds (EF 000A). */
  certificatePem: string;
}

/** What a Card needs from the Sandbox that made it. */
export interface CardContext extends ApduSessionOptions {
  /** The sandbox time (jlis's clock). */
  sandboxNow(): Promise<Date>;
  /** The card as the portal's wallet shows it now. */
  view(cardId: string): Promise<CardViewJson>;
}

export class Card {
  readonly id: string;
  readonly residentId: string;
  readonly status: CardStatus;
  readonly holderName: string;
  readonly persona: Persona;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Hex, lower case. */
  readonly userAuthSerial: string;
  readonly userAuthCertificatePem: string;
  /** Absent for a card without S (an under-15 who did not ask for one). */
  readonly signingSerial: string | undefined;
  readonly signingCertificatePem: string | undefined;
  /** The card that replaced this one at renewal. */
  readonly successorCardId: string | undefined;
  /** The PINs this client set or was told (empty for a card looked up by id alone). */
  readonly pins: Readonly<Partial<CardPins>>;
  readonly #context: CardContext;

  constructor(view: CardViewJson, pins: Partial<CardPins>, context: CardContext) {
    const userAuth = view.certificates.userAuth;
    if (!userAuth) throw new SandboxError("BAD_RESPONSE", `card ${view.id} has no user-authentication certificate`, { service: "portal" });
    this.id = view.id;
    this.residentId = view.residentId;
    this.status = view.status;
    this.holderName = view.holderName;
    this.persona = view.persona;
    this.issuedAt = new Date(view.issuedAt);
    this.expiresAt = new Date(view.expiresAt);
    this.userAuthSerial = userAuth.serialNumber;
    this.userAuthCertificatePem = userAuth.pem;
    this.signingSerial = view.certificates.signing?.serialNumber;
    this.signingCertificatePem = view.certificates.signing?.pem;
    this.successorCardId = view.successorCardId ?? undefined;
    this.pins = Object.freeze({ ...pins });
    this.#context = context;
  }

  /**
   * Signs `document` with the S key on the card: VERIFY the S PIN, read the S certificate, then COMPUTE
   * DIGITAL SIGNATURE over the signed attributes' DigestInfo (jpki-core signCms). A wrong PIN is PIN_INCORRECT
   * with `triesLeft`, counted by the card as in the wallet. `pin` defaults to the PIN the sandbox set.
   */
  async sign(document: Uint8Array | string, options: { pin?: string } = {}): Promise<SignResult> {
    const content = typeof document === "string" ? new TextEncoder().encode(document) : new Uint8Array(document);
    const pin = this.#pin("signing", options.pin);
    const signingTime = await this.#context.sandboxNow();
    return withCardReader(this.id, this.#context, async (reader) => {
      const certificate = await reader.readSigningCertificate(pin);
      const signedData = await signCms({ content, signerCertificate: parseX509(certificate), signer: reader.signingSigner(pin), signingTime });
      return { signedData, certificatePem: toPem(certificate, "CERTIFICATE") };
    });
  }

  /**
   * Answers a relying party's login challenge with the R key: SHA-256 → DigestInfo → the card's signature,
   * i.e. RSASSA-PKCS1-v1_5/SHA-256 over exactly `challenge` (jpki-core verifyChallengeResponse checks it).
   */
  async authenticate(challenge: Uint8Array | string, options: { pin?: string } = {}): Promise<AuthenticateResult> {
    const bytes = typeof challenge === "string" ? new TextEncoder().encode(challenge) : new Uint8Array(challenge);
    const pin = this.#pin("userAuth", options.pin);
    const digestInfo = await sha256DigestInfoOf(bytes);
    return withCardReader(this.id, this.#context, async (reader) => {
      const certificate = await reader.readUserAuthCertificate();
      const signature = await reader.signWithUserAuthKey(digestInfo, pin);
      return { signature, certificatePem: toPem(certificate, "CERTIFICATE") };
    });
  }

  /** The PIN retry counters as the portal's wallet shows them now. */
  async pinStatus(): Promise<{ userAuth: PinState; signing: PinState | null }> {
    return (await this.#context.view(this.id)).pins;
  }

  /** This card as the portal knows it now (status, certificates), with the same PINs. */
  async refresh(): Promise<Card> {
    return new Card(await this.#context.view(this.id), this.pins, this.#context);
  }

  #pin(slot: keyof CardPins, given: string | undefined): string {
    const pin = given ?? this.pins[slot];
    if (pin === undefined) throw new SandboxError("INVALID_ARGUMENT", `card ${this.id}: no ${slot === "signing" ? "S" : "R"} PIN known; pass { pin }`);
    return pin;
  }

  /** Keeps PINs out of logs and snapshots: `pins` shows only which are set. */
  toJSON(): Record<string, unknown> {
    return {
      id: this.id,
      residentId: this.residentId,
      status: this.status,
      holderName: this.holderName,
      userAuthSerial: this.userAuthSerial,
      signingSerial: this.signingSerial,
      expiresAt: this.expiresAt.toISOString(),
    };
  }
}
