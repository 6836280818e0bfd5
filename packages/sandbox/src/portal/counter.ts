/**
 * The municipal counter (市区町村窓口) of the portal: issuing a card to a resident (the operator API, as the
 * CLI's `citizen create`), and the life events a person reports there (the browser API, as the counter page
 * does): a move (住所変更) or new name (氏名変更) — a new S key and certificate, the old S revoked
 * affiliationChanged, R untouched —, a lost card (紛失届: both revoked keyCompromise), a renewal (更新: a new
 * card, the old certificates superseded), a PIN reset (パスワード初期化: the only way to unblock a PIN).
 */
import type { Persona } from "@jpki-sandbox/jpki-core";
import type { BrowserSession } from "../http/browser-session.js";
import type { ServiceHttp } from "../http/service-http.js";
import { cardAnswerSchema, issuedCitizenSchema, randomPersonaSchema, type CardViewJson } from "../schemas.js";
import type { CardPins } from "../card/card.js";

const path = (cardId: string, event: string) => `/api/counter/cards/${encodeURIComponent(cardId)}/${event}`;

/** Where a resident lives, as the four attributes and the S subject carry it. */
export type ResidentAddress = Pick<Persona, "address" | "prefecture" | "city" | "prefectureRomaji" | "cityRomaji" | "localGovernmentCode">;

export class PortalCounter {
  constructor(
    private readonly operatorApi: ServiceHttp,
    private readonly browser: BrowserSession,
  ) {}

  /** Registers the persona at jlis and issues a card: keys made on the card, certificates from jlis. */
  async issue(persona: Persona, pins: CardPins): Promise<string> {
    const issued = await this.operatorApi.json("/api/v1/counter/citizens", {
      method: "POST",
      operator: true,
      body: { persona, userAuthPin: pins.userAuth, ...(pins.signing === undefined ? {} : { signingPin: pins.signing }) },
      schema: issuedCitizenSchema,
      what: "issuing a card at the counter",
    });
    return issued.cardId;
  }

  /** The card as the wallet shows it (persona, certificates, PIN counters). */
  async view(cardId: string): Promise<CardViewJson> {
    return (await this.browser.get(`/api/cards/${encodeURIComponent(cardId)}`, cardAnswerSchema, `reading card ${cardId}`)).card;
  }

  /** A synthetic resident from the portal's generator. */
  async randomPersona(): Promise<Persona> {
    return (await this.browser.get("/api/personas/random", randomPersonaSchema, "generating a synthetic resident")).persona;
  }

  async changeAddress(cardId: string, address: ResidentAddress, signingPin: string | undefined): Promise<CardViewJson> {
    return this.#post(path(cardId, "address-change"), { ...address, ...(signingPin === undefined ? {} : { signingPin }) }, `reporting card ${cardId}'s holder's move`);
  }

  async changeName(cardId: string, name: string, signingPin: string | undefined): Promise<CardViewJson> {
    return this.#post(path(cardId, "name-change"), { name, ...(signingPin === undefined ? {} : { signingPin }) }, `reporting card ${cardId}'s holder's new name`);
  }

  async reportLoss(cardId: string): Promise<CardViewJson> {
    return this.#post(path(cardId, "loss"), {}, `reporting card ${cardId} lost`);
  }

  /** Answers the new card. */
  async renew(cardId: string, pins: CardPins): Promise<CardViewJson> {
    return this.#post(path(cardId, "renewal"), { userAuthPin: pins.userAuth, ...(pins.signing === undefined ? {} : { signingPin: pins.signing }) }, `renewing card ${cardId}`);
  }

  async resetPin(cardId: string, slot: "userAuth" | "signing", newPin: string): Promise<CardViewJson> {
    return this.#post(path(cardId, "pin-reset"), { pin: slot, newPin }, `resetting card ${cardId}'s ${slot === "signing" ? "S" : "R"} PIN`);
  }

  async #post(target: string, body: unknown, what: string): Promise<CardViewJson> {
    return (await this.browser.post(target, body, cardAnswerSchema, what)).card;
  }
}
