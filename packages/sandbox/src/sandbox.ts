/**
 * `connectSandbox()`: one typed client for a running JPKI Sandbox — citizens and their virtual cards at the
 * portal, approvals of a relying party's signing requests, life events at the counter, and jlis's revocation,
 * OCSP, clock and chaos. Every answer is checked at the boundary (zod); every failure is a SandboxError.
 * TEST ONLY: synthetic people, sandbox roots.
 */
import type { Persona } from "@jpki-sandbox/jpki-core";
import { Card, type CardPins } from "./card/card.js";
import { flatJlisChaos, jlisChaosJson, jlisPart, PortalChaosApi, type ChaosSettings, type JlisChaos, type PortalChaos } from "./chaos.js";
import { resolveSandboxConfig, type SandboxConfig, type SandboxOptions } from "./config.js";
import { SandboxError } from "./errors.js";
import { BrowserSession } from "./http/browser-session.js";
import { ServiceHttp } from "./http/service-http.js";
import { JlisAdmin, type CertificateKind, type CertificateQuery, type CertificateRecord, type RevocationReason } from "./jlis/admin.js";
import type { ClockAdvance, SandboxTime } from "./jlis/clock.js";
import { JlisOcsp, type CertificateStatus, type OcspAnswer } from "./jlis/ocsp.js";
import { defaultPins, HANAKO, withSigningRequest, type PersonaChoice } from "./personas.js";
import { PortalApprovals } from "./portal/approvals.js";
import { PortalCounter, type ResidentAddress } from "./portal/counter.js";
import type { ApprovalView, CardViewJson } from "./schemas.js";
import { z } from "zod";

export interface CreateCitizenOptions {
  /** Default "random": a fresh synthetic resident, so tests never collide (a bank refuses a second account for the same person). */
  persona?: PersonaChoice;
  /** R PIN, default "1234". */
  userAuthPin?: string;
  /** S PIN, default "HANAKO2010" for 花子, "SANDBOX1" for anyone else. */
  signingPin?: string;
  /** Ask for an S certificate for an under-15 (default: yes for a synthetic resident under 15 at sandbox time). */
  requestSigningCertificate?: boolean;
}

export interface Citizen {
  persona: Persona;
  card: Card;
}

/** A card, or its id (the PINs are then those this client set, or must be given). */
export type CardRef = Card | string;

/** What a move or a new name changed: a new S (the old one revoked affiliationChanged); R stays. */
export interface AttributeChange {
  card: Card;
  previousSigningSerial: string | undefined;
  signingSerial: string | undefined;
  signingCertificatePem: string | undefined;
}

/** 紛失届: both certificates revoked keyCompromise. */
export interface LossReport {
  card: Card;
  revoked: { userAuthSerial: string; signingSerial: string | undefined };
  reason: "keyCompromise";
}

/** 更新: a new card; the old card's certificates revoked superseded. */
export interface Renewal {
  card: Card;
  previousCard: Card;
}

const healthSchema = z.object({ status: z.string() }).loose();

export class Sandbox {
  readonly jlisUrl: string;
  readonly portalUrl: string;
  /** Your relying party's URL (or the sandbox bank's): configuration only, for tests to read. */
  readonly bankUrl: string;
  readonly #config: SandboxConfig;
  readonly #jlisHttp: ServiceHttp;
  readonly #portalHttp: ServiceHttp;
  readonly #jlis: JlisAdmin;
  readonly #ocsp: JlisOcsp;
  readonly #counter: PortalCounter;
  readonly #approvals: PortalApprovals;
  readonly #portalChaos: PortalChaosApi;
  /** The PINs of the cards this client issued or changed, for calls that name a card by id. */
  readonly #pins = new Map<string, Partial<CardPins>>();

  constructor(config: SandboxConfig) {
    this.#config = config;
    this.jlisUrl = config.jlisUrl;
    this.portalUrl = config.portalUrl;
    this.bankUrl = config.bankUrl;
    const common = { fetch: config.fetch, timeoutMs: config.timeoutMs };
    this.#jlisHttp = new ServiceHttp({ service: "jlis", baseUrl: config.jlisUrl, operator: config.jlisAdmin, ...common });
    this.#portalHttp = new ServiceHttp({ service: "portal", baseUrl: config.portalUrl, operator: config.portalAdmin, ...common });
    this.#jlis = new JlisAdmin(this.#jlisHttp);
    this.#ocsp = new JlisOcsp(this.#jlisHttp, this.#jlis);
    const browser = new BrowserSession(this.#portalHttp);
    this.#counter = new PortalCounter(this.#portalHttp, browser);
    this.#approvals = new PortalApprovals(browser);
    this.#portalChaos = new PortalChaosApi(this.#portalHttp);
  }

  /** Resolves when jlis and the portal answer their health checks (UNREACHABLE otherwise). */
  async ready(): Promise<void> {
    await Promise.all([
      this.#jlisHttp.json("/healthz", { schema: healthSchema, what: "the health check" }),
      this.#portalHttp.json("/healthz", { schema: healthSchema, what: "the health check" }),
    ]);
  }

  // ---- citizens and cards ----

  /** A resident registered at jlis with a fresh card from the portal's counter (R and, from 15, S). */
  async createCitizen(options: CreateCitizenOptions = {}): Promise<Citizen> {
    const choice = options.persona ?? "random";
    const base = choice === "hanako" ? HANAKO : choice === "random" ? await this.randomPersona() : choice;
    const persona = withSigningRequest(base, (await this.clock()).now, options.requestSigningCertificate);
    const defaults = defaultPins(persona);
    const card = await this.issueCard(persona, { userAuth: options.userAuthPin ?? defaults.userAuth, signing: options.signingPin ?? defaults.signing });
    return { persona, card };
  }

  /** The counter issues a card to `persona` with these PINs (the S PIN is used only when S is issued). */
  async issueCard(persona: Persona, pins: CardPins = defaultPins(persona)): Promise<Card> {
    const cardId = await this.#counter.issue(persona, pins);
    return this.#remember(await this.#counter.view(cardId), pins);
  }

  /** A card by id, as the wallet shows it now; `pins` for cards this client did not issue. */
  async card(cardId: string, pins?: CardPins): Promise<Card> {
    return this.#remember(await this.#counter.view(cardId), pins ?? this.#pins.get(cardId) ?? {});
  }

  /** A synthetic resident from the portal's generator (not registered anywhere yet). */
  randomPersona(): Promise<Persona> {
    return this.#counter.randomPersona();
  }

  // ---- approvals (a relying party's signing request, answered as the citizen) ----

  /** The request behind an approval URL, as the approval page shows it. */
  approval(approvalUrl: string): Promise<ApprovalView> {
    return this.#approvals.view(approvalUrl);
  }

  /**
   * Approves with the card (and its PIN: S for `sign`, R for `auth`; default the one this client set).
   * Answers the URL the portal sends the browser back to: `returnUrl?code=…&state=…`.
   */
  async approve(approvalUrl: string, options: { card?: Card; cardId?: string; pin?: string }): Promise<string> {
    const cardId = options.card?.id ?? options.cardId;
    if (!cardId) throw new SandboxError("INVALID_ARGUMENT", "approve: say which card ({ card } or { cardId })");
    let pin = options.pin;
    if (pin === undefined) {
      const pins = options.card?.pins ?? this.#pins.get(cardId);
      pin = (await this.approval(approvalUrl)).kind === "sign" ? pins?.signing : pins?.userAuth;
      if (!pin) throw new SandboxError("INVALID_ARGUMENT", `approve: no PIN known for card ${cardId}; pass { pin }`);
    }
    return this.#approvals.approve(approvalUrl, cardId, pin);
  }

  /** Declines: answers `returnUrl?error=access_denied&state=…`. */
  cancel(approvalUrl: string): Promise<string> {
    return this.#approvals.cancel(approvalUrl);
  }

  // ---- life events at the counter ----

  /** 住所変更: a new address (default: one in another municipality); the card makes a new S key. */
  async moveHouse(card: CardRef, options: { address?: ResidentAddress; signingPin?: string } = {}): Promise<AttributeChange> {
    const before = await this.#current(card);
    const address = options.address ?? (await this.#newAddress(before.persona.address));
    return this.#attributeChange(before, options.signingPin, (pin) => this.#counter.changeAddress(before.id, address, pin));
  }

  /** 氏名変更 (a marriage, say): a new name (default: a new family name); the card makes a new S key. */
  async changeName(card: CardRef, options: { name?: string; signingPin?: string } = {}): Promise<AttributeChange> {
    const before = await this.#current(card);
    const name = options.name ?? (await this.#newName(before.persona.name));
    return this.#attributeChange(before, options.signingPin, (pin) => this.#counter.changeName(before.id, name, pin));
  }

  /** 紛失届: jlis revokes both certificates keyCompromise; the card still signs (a bank's OCSP check must refuse it). */
  async reportLost(card: CardRef): Promise<LossReport> {
    const before = await this.#current(card);
    const after = this.#remember(await this.#counter.reportLoss(before.id), before.pins);
    return { card: after, revoked: { userAuthSerial: before.userAuthSerial, signingSerial: before.signingSerial }, reason: "keyCompromise" };
  }

  /** 更新: a new card for the same resident (PINs default to the old card's); the old certificates superseded. */
  async renewCard(card: CardRef, pins?: CardPins): Promise<Renewal> {
    const before = await this.#current(card);
    const newPins = pins ?? (before.pins.userAuth === undefined ? undefined : { ...before.pins, userAuth: before.pins.userAuth });
    if (!newPins) throw new SandboxError("INVALID_ARGUMENT", `renewCard: no PINs known for card ${before.id}; pass them`);
    const renewed = this.#remember(await this.#counter.renew(before.id, newPins), newPins);
    return { card: renewed, previousCard: await this.card(before.id) };
  }

  /** パスワード初期化: sets a new PIN and restarts its counter (the only way to unblock one). */
  async resetPin(card: CardRef, slot: "userAuth" | "signing", newPin: string): Promise<Card> {
    const before = await this.#current(card);
    return this.#remember(await this.#counter.resetPin(before.id, slot, newPin), { ...before.pins, [slot]: newPin });
  }

  // ---- jlis ----

  /** The operator revokes a certificate (final: JPKI never uses certificateHold). */
  revoke(serial: string, reason: RevocationReason): Promise<CertificateRecord> {
    return this.#jlis.revoke(serial, reason);
  }

  /** jlis's registry (admin API): status at sandbox time, reasons, successions. */
  certificates(query?: CertificateQuery): Promise<CertificateRecord[]> {
    return this.#jlis.certificates(query);
  }

  /** The status a relying party would learn: OCSP at jlis with a nonce, verified at sandbox time. */
  certificateStatus(serial: string, options?: { kind?: CertificateKind }): Promise<CertificateStatus> {
    return this.#ocsp.certificateStatus(serial, options);
  }

  /** One raw OCSP exchange (chaos answers such as tryLater included), not verified. */
  ocsp(serial: string, kind: CertificateKind): Promise<OcspAnswer> {
    return this.#ocsp.ocsp(serial, kind);
  }

  caCertificatePem(kind: CertificateKind): Promise<string> {
    return this.#jlis.caCertificatePem(kind);
  }

  clock(): Promise<SandboxTime> {
    return this.#jlis.clock();
  }

  /** Moves the sandbox clock forward: `{ years: 5 }`, `{ days: 30 }`, or an ISO 8601 duration ("P5Y"). */
  advanceClock(by: ClockAdvance): Promise<SandboxTime> {
    return this.#jlis.advanceClock(by);
  }

  /** Back to real time. */
  resetClock(): Promise<SandboxTime> {
    return this.#jlis.resetClock();
  }

  // ---- chaos ----

  async getChaos(): Promise<JlisChaos> {
    return flatJlisChaos(await this.#jlis.getChaos());
  }

  /** Changes the jlis knobs named; the others keep their values. Answers all of them. */
  async setChaos(settings: Partial<JlisChaos>): Promise<JlisChaos> {
    const next = { ...(await this.getChaos()), ...jlisPart(settings) };
    return flatJlisChaos(await this.#jlis.putChaos(jlisChaosJson(next)));
  }

  getPortalChaos(): Promise<PortalChaos> {
    return this.#portalChaos.get();
  }

  setPortalChaos(settings: PortalChaos): Promise<PortalChaos> {
    return this.#portalChaos.set(settings);
  }

  /** Runs `fn` with the knobs named in `settings` (jlis's and the portal's), then puts back what was there. */
  async withChaos<T>(settings: ChaosSettings, fn: () => Promise<T> | T): Promise<T> {
    const jlis = jlisPart(settings);
    let jlisBefore: JlisChaos | undefined;
    let portalBefore: PortalChaos | undefined;
    try {
      if (jlis) {
        jlisBefore = await this.getChaos();
        await this.setChaos(jlis);
      }
      if (settings.signingResult !== undefined) {
        portalBefore = await this.getPortalChaos();
        await this.setPortalChaos({ signingResult: settings.signingResult });
      }
      return await fn();
    } finally {
      if (portalBefore) await this.setPortalChaos(portalBefore);
      if (jlisBefore) await this.setChaos(jlisBefore);
    }
  }

  // ---- internals ----

  #remember(view: CardViewJson, pins: Partial<CardPins>): Card {
    if (pins.userAuth !== undefined || pins.signing !== undefined) this.#pins.set(view.id, pins);
    return new Card(view, pins, {
      portalUrl: this.#config.portalUrl,
      operator: this.#config.portalAdmin,
      fetch: this.#config.fetch,
      timeoutMs: this.#config.timeoutMs,
      sandboxNow: async () => (await this.clock()).now,
      view: (id) => this.#counter.view(id),
    });
  }

  async #current(card: CardRef): Promise<Card> {
    if (typeof card !== "string") return this.#remember(await this.#counter.view(card.id), { ...this.#pins.get(card.id), ...card.pins });
    return this.card(card);
  }

  async #attributeChange(before: Card, signingPin: string | undefined, change: (pin: string | undefined) => Promise<CardViewJson>): Promise<AttributeChange> {
    const pin = signingPin ?? before.pins.signing;
    if (before.signingSerial !== undefined && pin === undefined) {
      throw new SandboxError("INVALID_ARGUMENT", `card ${before.id}: the new S key needs a PIN; pass { signingPin }`);
    }
    const after = this.#remember(await change(before.signingSerial === undefined ? undefined : pin), { ...before.pins, ...(pin === undefined ? {} : { signing: pin }) });
    return { card: after, previousSigningSerial: before.signingSerial, signingSerial: after.signingSerial, signingCertificatePem: after.signingCertificatePem };
  }

  async #newAddress(current: string): Promise<ResidentAddress> {
    for (;;) {
      const { address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode } = await this.randomPersona();
      if (address !== current) return { address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode };
    }
  }

  async #newName(current: string): Promise<string> {
    const [family, given = ""] = current.split("\u3000");
    for (;;) {
      const [newFamily = ""] = (await this.randomPersona()).name.split("\u3000");
      if (newFamily !== family) return given ? `${newFamily}\u3000${given}` : newFamily;
    }
  }
}

/** A client for the sandbox at the configured URLs (options, else JPKI_SANDBOX_* env, else the default ports). */
export function connectSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(resolveSandboxConfig(options));
}
