/**
 * The municipal counter (市区町村窓口): registers the resident with jlis, issues the card — keys made on the
 * card, certificates from jlis against the card's own PKCS#10 requests — and handles life events: a move or a
 * new name (a new S key and certificate; R untouched), loss, renewal (a new card), PIN reset.
 */
import { randomUUID } from "node:crypto";
import { isEligibleForSigningCertificate, parsePersona, type Persona } from "@jpki-sandbox/jpki-core";
import type { VirtualCard } from "@jpki-sandbox/virtual-card";
import { fromCardError } from "../cards/card-errors.js";
import { installCertificate, newKeyWithCertificationRequest, resetPin, setPin, type Slot } from "../cards/card-issuer.js";
import { checkPinFormat } from "../cards/card-pins.js";
import type { CardVault } from "../cards/card-vault.js";
import { PortalError } from "../errors.js";
import type { ResidentAddress } from "../../shared/api-types.js";
import type { JlisCounter, JlisIssuedCard, PortalStore } from "../ports.js";
import type { CardRecord } from "../records.js";

export interface IssueCardRequest {
  persona: unknown;
  userAuthPin: string;
  signingPin?: string | undefined;
}

export class CounterService {
  constructor(
    private readonly store: PortalStore,
    private readonly vault: CardVault,
    private readonly jlis: JlisCounter,
  ) {}

  /** A new resident at jlis and their first card. */
  async issueCard(request: IssueCardRequest): Promise<CardRecord> {
    const persona = parsePersona(request.persona);
    const wantsSigning = await this.wantsSigningCertificate(persona);
    const pins = this.checkPins(request.userAuthPin, request.signingPin, wantsSigning);
    const resident = await this.jlis.registerResident(persona);
    return this.issueToResident(resident.id, persona, pins, (requests) => this.jlis.issueCard(resident.id, requests));
  }

  /** 住所変更: new address; the card makes a new S key, jlis revokes the old S (affiliationChanged). */
  async changeAddress(cardId: string, address: ResidentAddress, signingPin: string | undefined): Promise<CardRecord> {
    return this.changeAttributes(cardId, signingPin, (csr) => this.jlis.changeAddress(cardId, address, csr), (persona) => ({ ...persona, ...address }));
  }

  /** 氏名変更: as a move, for the name. */
  async changeName(cardId: string, name: string, signingPin: string | undefined): Promise<CardRecord> {
    return this.changeAttributes(cardId, signingPin, (csr) => this.jlis.changeName(cardId, name, csr), (persona) => ({ ...persona, name }));
  }

  /** 紛失届: jlis revokes both certificates (keyCompromise); the card is marked lost. */
  async reportLoss(cardId: string): Promise<CardRecord> {
    const record = await this.activeCard(cardId);
    await this.jlis.reportLoss(cardId);
    await this.vault.use(cardId, async () => ({ result: undefined, changes: { status: "lost" as const } }));
    return this.vault.record(record.id);
  }

  /** 更新: a new card for the same resident; the old card's certificates are revoked (superseded). */
  async renew(cardId: string, userAuthPin: string, signingPin: string | undefined): Promise<CardRecord> {
    const old = await this.activeCard(cardId);
    const wantsSigning = await this.wantsSigningCertificate(old.persona);
    const pins = this.checkPins(userAuthPin, signingPin, wantsSigning);
    const renewed = await this.issueToResident(old.residentId, old.persona, pins, (requests) => this.jlis.renew(cardId, requests));
    await this.vault.use(cardId, async () => ({ result: undefined, changes: { status: "renewed" as const, successorCardId: renewed.id } }));
    return renewed;
  }

  /** パスワード初期化: a blocked (or forgotten) PIN replaced at the counter; the counter restarts. */
  async resetPin(cardId: string, slot: Slot, newPin: string): Promise<CardRecord> {
    checkPinFormat(slot, newPin);
    const record = await this.vault.record(cardId);
    if (slot === "signing" && !record.signingCertificatePem) {
      throw new PortalError("CARD_LACKS_CERTIFICATE", "this card has no signing certificate, so no S PIN");
    }
    await this.vault.use(cardId, async (card) => {
      await resetPin(card, slot, newPin).catch((error: unknown) => Promise.reject(fromCardError(error)));
      return { result: undefined };
    });
    return this.vault.record(cardId);
  }

  private async wantsSigningCertificate(persona: Persona): Promise<boolean> {
    return isEligibleForSigningCertificate(persona.dateOfBirth, await this.jlis.now(), persona.requestSigningCertificate === true);
  }

  private checkPins(userAuthPin: string, signingPin: string | undefined, wantsSigning: boolean): { userAuth: string; signing?: string } {
    checkPinFormat("userAuth", userAuthPin);
    return wantsSigning ? { userAuth: userAuthPin, signing: this.checkSigningPin(signingPin) } : { userAuth: userAuthPin };
  }

  private checkSigningPin(signingPin: string | undefined): string {
    if (signingPin === undefined || signingPin === "") {
      throw new PortalError("PIN_FORMAT", "a signing certificate will be issued: set its PIN (署名用パスワード, 6–16 digits or upper-case letters)");
    }
    checkPinFormat("signing", signingPin);
    return signingPin;
  }

  /** Makes the card, asks jlis through `issue`, writes certificates and PINs, stores the card. */
  private async issueToResident(
    residentId: string,
    persona: Persona,
    pins: { userAuth: string; signing?: string },
    issue: (requests: { userAuthCsr: string; signingCsr?: string; requestSigningCertificate?: boolean }) => Promise<JlisIssuedCard>,
  ): Promise<CardRecord> {
    const card = this.vault.manufacture(randomUUID());
    const userAuthCsr = await newKeyWithCertificationRequest(card, "userAuth");
    const signingCsr = pins.signing === undefined ? undefined : await newKeyWithCertificationRequest(card, "signing");
    const issued = await issue({
      userAuthCsr,
      ...(signingCsr ? { signingCsr } : {}),
      ...(persona.requestSigningCertificate ? { requestSigningCertificate: true } : {}),
    });
    await installCertificate(card, "userAuth", issued.userAuthCertificate.pem, await this.jlis.caCertificate("R"));
    await setPin(card, "userAuth", pins.userAuth);
    if (pins.signing !== undefined) {
      if (!issued.signingCertificate) throw new PortalError("JLIS_REFUSED", "jlis issued the card without the signing certificate asked for");
      await installCertificate(card, "signing", issued.signingCertificate.pem, await this.jlis.caCertificate("S"));
      await setPin(card, "signing", pins.signing);
    }
    return this.store.cards.insert({
      id: issued.card.id,
      residentId,
      holderName: persona.name,
      persona,
      status: "active",
      issuedAt: new Date(issued.card.issuedAt),
      expiresAt: new Date(issued.card.expiresAt),
      state: this.vault.seal(card),
      userAuthSerial: issued.userAuthCertificate.serialNumber,
      signingSerial: issued.signingCertificate?.serialNumber ?? null,
      userAuthCertificatePem: issued.userAuthCertificate.pem,
      signingCertificatePem: issued.signingCertificate?.pem ?? null,
    });
  }

  /**
   * A change of one of the four attributes: the S certificate must go (JPKI.md "Revoked when"); if the card
   * has S, it makes a new S key and PIN and jlis certifies it with the new attributes.
   */
  private async changeAttributes(
    cardId: string,
    signingPin: string | undefined,
    report: (signingCsr: string | undefined) => Promise<{ signingCertificate?: { pem: string; serialNumber: string } }>,
    updatePersona: (persona: Persona) => Persona,
  ): Promise<CardRecord> {
    const record = await this.activeCard(cardId);
    const persona = parsePersona(updatePersona(record.persona));
    const hasSigning = record.signingCertificatePem !== null;
    if (hasSigning) this.checkSigningPin(signingPin);
    const signingCa = hasSigning ? await this.jlis.caCertificate("S") : undefined;
    // No retry: jlis must not be told twice. The in-process queue keeps this process's requests apart.
    await this.vault.use(cardId, async (card: VirtualCard) => {
      const csr = hasSigning ? await newKeyWithCertificationRequest(card, "signing") : undefined;
      const change = await report(csr);
      if (hasSigning && change.signingCertificate && signingCa && signingPin) {
        await installCertificate(card, "signing", change.signingCertificate.pem, signingCa);
        await setPin(card, "signing", signingPin);
      }
      return {
        result: undefined,
        changes: {
          persona,
          holderName: persona.name,
          signingSerial: change.signingCertificate?.serialNumber ?? null,
          signingCertificatePem: change.signingCertificate?.pem ?? null,
        },
      };
    }, { retry: false });
    return this.vault.record(cardId);
  }

  private async activeCard(cardId: string): Promise<CardRecord> {
    const record = await this.vault.record(cardId);
    if (record.status !== "active" || record.expiresAt.getTime() <= (await this.jlis.now()).getTime()) {
      throw new PortalError("CARD_NOT_USABLE", `card ${cardId} is ${record.status === "active" ? "expired" : record.status}; the counter can issue a new card`);
    }
    return record;
  }
}
