/**
 * A card held by the citizen portal, used through its operator API for APDU sessions (apps/portal README,
 * "APDU sessions"): a session is one power-up of the card — its selected file and verified PINs live in the
 * portal's memory for that session only, like a real card's RAM — while retry counters and the APDU log are
 * written to the card's stored state after every command, so the wallet shows them.
 */
import { z } from "zod";
import type { BridgedCard } from "./bridged-card.js";
import { BridgeError } from "../errors.js";

export interface PortalCardOptions {
  /** The portal's base URL, e.g. http://127.0.0.1:4030. */
  portalUrl: string;
  cardId: string;
  /** The portal's operator credential (HTTP Basic, user admin). */
  credential: { user: string; password: string };
  fetch?: typeof fetch;
  /** Per request (default 15 s). */
  timeoutMs?: number;
}

const sessionSchema = z.object({ sessionId: z.string().min(1), cardId: z.string(), atr: z.string().regex(/^([0-9A-Fa-f]{2})+$/) });
const transmitSchema = z.object({ response: z.string().regex(/^([0-9A-Fa-f]{2}){2,}$/) });
const problemSchema = z.object({ code: z.string().optional(), detail: z.string().optional(), title: z.string().optional() }).loose();

export const PORTAL_APDU_PATHS = {
  sessions: (cardId: string) => `/api/v1/cards/${encodeURIComponent(cardId)}/apdu-sessions`,
  session: (cardId: string, sessionId: string) => `/api/v1/cards/${encodeURIComponent(cardId)}/apdu-sessions/${encodeURIComponent(sessionId)}`,
  transmit: (cardId: string, sessionId: string) => `${PORTAL_APDU_PATHS.session(cardId, sessionId)}/transmit`,
} as const;

export const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();
export const fromHex = (text: string) => new Uint8Array(Buffer.from(text, "hex"));

export class PortalApduCard implements BridgedCard {
  readonly label: string;
  /** The ATR the portal reported when the last session opened (the JPKI one until then). */
  atr: Uint8Array = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
  readonly #baseUrl: string;
  readonly #cardId: string;
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  #sessionId: string | undefined;

  constructor(options: PortalCardOptions) {
    this.#baseUrl = options.portalUrl.replace(/\/+$/, "");
    this.#cardId = options.cardId;
    this.label = `portal card ${options.cardId}`;
    this.#authorization = `Basic ${Buffer.from(`${options.credential.user}:${options.credential.password}`).toString("base64")}`;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** The session in use, if any (tests). */
  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** Opens the first session now, so a wrong card id or credential is reported before vpcd is involved. */
  async open(): Promise<void> {
    await this.powerOn();
  }

  async powerOn(): Promise<void> {
    await this.powerOff();
    const answer = sessionSchema.safeParse(await this.#call("POST", PORTAL_APDU_PATHS.sessions(this.#cardId), undefined, 201));
    if (!answer.success) throw new BridgeError("CARD_UNAVAILABLE", "the portal answered the APDU session request without a session id and ATR");
    this.#sessionId = answer.data.sessionId;
    this.atr = fromHex(answer.data.atr);
  }

  reset(): Promise<void> {
    return this.powerOn();
  }

  async powerOff(): Promise<void> {
    const sessionId = this.#sessionId;
    this.#sessionId = undefined;
    if (sessionId === undefined) return;
    try {
      await this.#call("DELETE", PORTAL_APDU_PATHS.session(this.#cardId, sessionId), undefined, 204);
    } catch {
      // Ended already (expired, or another session took the card): nothing left to close.
    }
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.#sessionId === undefined) await this.powerOn();
    const sessionId = this.#sessionId!;
    try {
      const answer = transmitSchema.safeParse(await this.#call("POST", PORTAL_APDU_PATHS.transmit(this.#cardId, sessionId), { apdu: toHex(apdu) }, 200));
      if (!answer.success) throw new BridgeError("CARD_UNAVAILABLE", "the portal answered a C-APDU without an R-APDU");
      return fromHex(answer.data.response);
    } catch (error) {
      if (error instanceof BridgeError && error.code === "CARD_RESET") this.#sessionId = undefined;
      throw error;
    }
  }

  close(): Promise<void> {
    return this.powerOff();
  }

  async #call(method: "POST" | "DELETE", path: string, body: unknown, expected: number): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.#baseUrl + path, {
        method,
        headers: { authorization: this.#authorization, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (cause) {
      throw new BridgeError("CARD_UNAVAILABLE", `the portal at ${this.#baseUrl} is not reachable (start the sandbox with \`npm start\`)`, { cause });
    }
    const text = await response.text();
    if (response.status === expected) return text ? (JSON.parse(text) as unknown) : undefined;
    const problem = problemSchema.safeParse(safeJson(text));
    const code = problem.success ? problem.data.code : undefined;
    const detail = problem.success ? (problem.data.detail ?? problem.data.title) : undefined;
    const message = `the portal answered ${response.status}${code ? ` ${code}` : ""}${detail ? `: ${detail}` : ""}`;
    // The session ended under the card (another session took it, the counter used it, it idled out): to the
    // host the card was pulled out; a new power-up starts a new session.
    if (code === "APDU_SESSION_ENDED" || code === "APDU_SESSION_NOT_FOUND") throw new BridgeError("CARD_RESET", message);
    if (response.status === 401 || response.status === 403 || response.status === 404 || response.status === 400) throw new BridgeError("CARD_REFUSED", message);
    throw new BridgeError("CARD_UNAVAILABLE", message);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
