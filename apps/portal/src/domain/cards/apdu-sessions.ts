/**
 * APDU sessions: a card of the wallet in a (virtual) card reader, for the PC/SC bridge (packages/card-bridge)
 * and any host that speaks APDUs. A session is one power-up of the card. Its transient state — the selected
 * file and the verified PINs, the card's RAM — lives only in this process's memory for that session, as on a
 * real card it lives only while the card has power: a portal restart, a new session or an idle timeout lose it.
 * What the card keeps in EEPROM — retry counters and the APDU log — is written to the card's stored state after
 * every command, with the vault's optimistic concurrency, so the wallet shows it at once.
 *
 * A card is in one reader at a time: opening a session ends the card's previous one. When the card was changed
 * by anything else meanwhile (the counter, a signing approval), the session ends (APDU_SESSION_ENDED) and the
 * command is not answered — as if the card had been pulled out mid-command: its effect is not stored either, so
 * a host learns nothing from a command whose PIN try was not counted.
 */
import { randomBytes } from "node:crypto";
import { PortalError } from "../errors.js";
import type { VirtualCard } from "@jpki-sandbox/virtual-card";
import type { PortalStore } from "../ports.js";
import type { CardVault } from "./card-vault.js";

/** Default idle timeout: a reader left alone this long is treated as having lost power. */
export const DEFAULT_APDU_SESSION_IDLE_MS = 10 * 60_000;
/** How many ended sessions are remembered, to answer APDU_SESSION_ENDED rather than NOT_FOUND. */
const ENDED_MEMORY = 1_000;

export interface OpenedApduSession {
  sessionId: string;
  cardId: string;
  /** The card's answer to reset. */
  atr: Uint8Array;
  idleTimeoutSeconds: number;
}

interface Session {
  id: string;
  cardId: string;
  card: VirtualCard;
  /** The stored card's version this session's card matches. */
  version: number;
  lastUsed: number;
  queue: Promise<unknown>;
}

export class ApduSessions {
  readonly #sessions = new Map<string, Session>();
  readonly #byCard = new Map<string, string>();
  readonly #ended = new Map<string, string>();
  readonly #idleMs: number;
  readonly #now: () => number;

  constructor(
    private readonly vault: CardVault,
    private readonly store: PortalStore,
    options: { idleTimeoutMs?: number; now?: () => number } = {},
  ) {
    this.#idleMs = options.idleTimeoutMs ?? DEFAULT_APDU_SESSION_IDLE_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Powers the card up in a new session (ending the card's previous one). CARD_NOT_FOUND for an unknown card. */
  async open(cardId: string): Promise<OpenedApduSession> {
    this.#sweep();
    const record = await this.vault.record(cardId);
    const card = this.vault.open(record);
    const previous = this.#byCard.get(cardId);
    if (previous !== undefined) this.#end(previous, "a new session took the card");
    const session: Session = { id: randomBytes(16).toString("base64url"), cardId, card, version: record.version, lastUsed: this.#now(), queue: Promise.resolve() };
    this.#sessions.set(session.id, session);
    this.#byCard.set(cardId, session.id);
    return { sessionId: session.id, cardId, atr: card.atr, idleTimeoutSeconds: Math.round(this.#idleMs / 1000) };
  }

  /** One C-APDU; resolves with data || SW1 SW2 once the card's new state is stored. Commands run in order. */
  transmit(cardId: string, sessionId: string, apdu: Uint8Array): Promise<Uint8Array> {
    const session = this.#live(cardId, sessionId);
    session.lastUsed = this.#now();
    const run = session.queue.catch(() => undefined).then(() => this.#transmit(session, apdu));
    session.queue = run;
    return run;
  }

  /** Powers the card down: the session and its transient state are gone. */
  close(cardId: string, sessionId: string): void {
    this.#live(cardId, sessionId);
    this.#end(sessionId, "closed");
  }

  /** Sessions open now (tests, diagnostics). */
  get size(): number {
    this.#sweep();
    return this.#sessions.size;
  }

  async #transmit(session: Session, apdu: Uint8Array): Promise<Uint8Array> {
    if (!this.#sessions.has(session.id)) throw this.#endedError(session.id);
    const response = await session.card.transmit(apdu);
    // The write is the check: it succeeds only if the stored card is still the version this session began from.
    const written = await this.store.cards.update(session.cardId, session.version, { state: this.vault.seal(session.card) });
    if (!written) {
      this.#end(session.id, "the card was changed elsewhere (the counter, a signing approval) since this session began; the command was not stored");
      throw this.#endedError(session.id);
    }
    session.version += 1;
    return response;
  }

  #live(cardId: string, sessionId: string): Session {
    this.#sweep();
    const session = this.#sessions.get(sessionId);
    if (session && session.cardId === cardId) return session;
    if (this.#ended.has(sessionId)) throw this.#endedError(sessionId);
    throw new PortalError("APDU_SESSION_NOT_FOUND", `no APDU session ${sessionId} on card ${cardId} (closed, idle for over ${Math.round(this.#idleMs / 1000)} s, or never opened): open a new one`);
  }

  #endedError(sessionId: string): PortalError {
    return new PortalError("APDU_SESSION_ENDED", `the APDU session ended: ${this.#ended.get(sessionId) ?? "closed"}; power the card up again (a new session)`);
  }

  #end(sessionId: string, reason: string): void {
    const session = this.#sessions.get(sessionId);
    if (!session) return;
    this.#sessions.delete(sessionId);
    if (this.#byCard.get(session.cardId) === sessionId) this.#byCard.delete(session.cardId);
    if (reason === "closed" || reason === "idle") return;
    this.#ended.set(sessionId, reason);
    if (this.#ended.size > ENDED_MEMORY) this.#ended.delete(this.#ended.keys().next().value!);
  }

  #sweep(): void {
    const now = this.#now();
    for (const session of [...this.#sessions.values()]) {
      if (now - session.lastUsed > this.#idleMs) this.#end(session.id, "idle");
    }
  }
}
