/**
 * Where the portal keeps its citizens' virtual cards: each card's applet state lives in the store (JSON), its
 * private keys sealed with the portal's card key (AES-256-GCM inside packages/virtual-card). An operation
 * restores the card, works on it through APDUs or the issuer interface, and writes the new state back — retry
 * counters included — with optimistic concurrency, so two requests on one card never lose a PIN attempt.
 */
import { isCardError, VirtualCard } from "@jpki-sandbox/virtual-card";
import { PortalError } from "../errors.js";
import type { PortalStore } from "../ports.js";
import type { CardRecord } from "../records.js";

/** How often an operation is re-run when another request wrote the same card first. */
const MAX_ATTEMPTS = 5;

export interface CardOperationResult<T> {
  result: T;
  /** Record fields to write with the card's new state (status, certificates…). */
  changes?: Partial<Omit<CardRecord, "id" | "version" | "createdAt" | "state">>;
}

export class CardVault {
  /** One queue per card in this process, so its own requests do not collide; other replicas use the version. */
  private readonly queues = new Map<string, Promise<unknown>>();

  /** `clock`: the sandbox time the card stamps its APDU log with. */
  constructor(
    private readonly store: PortalStore,
    private readonly cardKey: Uint8Array,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A blank card fresh from the factory (no keys, no PINs), with its chip's own id. */
  manufacture(chipId: string): VirtualCard {
    return VirtualCard.manufacture({ cardId: chipId, now: this.clock });
  }

  seal(card: VirtualCard): unknown {
    return card.exportState(this.cardKey);
  }

  open(record: CardRecord): VirtualCard {
    try {
      return VirtualCard.restore(record.state, this.cardKey, { now: this.clock });
    } catch (cause) {
      if (isCardError(cause, "STATE_DECRYPTION_FAILED")) {
        throw new PortalError("CARD_STATE_UNREADABLE", `card ${record.id} was sealed with another card key (JPKI_PORTAL_CARD_KEY or <data dir>/card-key changed)`, { cause });
      }
      throw new PortalError("CARD_STATE_UNREADABLE", `card ${record.id}'s stored state is not a card: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }

  async record(cardId: string): Promise<CardRecord> {
    const record = await this.store.cards.get(cardId);
    if (!record) throw new PortalError("CARD_NOT_FOUND", `no card ${cardId}`);
    return record;
  }

  /**
   * Runs `operation` on the card and saves its state, re-running it (unless `retry: false`, for operations
   * with effects elsewhere) when another replica wrote the card meanwhile. The state is saved even when the operation throws
   * (a wrong PIN must cost a try), then the error is rethrown.
   */
  async use<T>(
    cardId: string,
    operation: (card: VirtualCard, record: CardRecord) => Promise<CardOperationResult<T>>,
    options: { retry?: boolean } = {},
  ): Promise<T> {
    const previous = this.queues.get(cardId) ?? Promise.resolve();
    const attempts = options.retry === false ? 1 : MAX_ATTEMPTS;
    const run = previous.catch(() => undefined).then(() => this.useWithRetry(cardId, operation, attempts));
    this.queues.set(cardId, run);
    try {
      return await run;
    } finally {
      if (this.queues.get(cardId) === run) this.queues.delete(cardId);
    }
  }

  private async useWithRetry<T>(
    cardId: string,
    operation: (card: VirtualCard, record: CardRecord) => Promise<CardOperationResult<T>>,
    attempts: number,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const record = await this.record(cardId);
      const card = this.open(record);
      let outcome: CardOperationResult<T> | undefined;
      let failure: unknown;
      try {
        outcome = await operation(card, record);
      } catch (error) {
        failure = error;
      }
      const written = await this.store.cards.update(cardId, record.version, { ...outcome?.changes, state: this.seal(card) });
      if (written) {
        if (failure !== undefined) throw failure;
        return (outcome as CardOperationResult<T>).result;
      }
      if (attempt >= attempts) throw new PortalError("CONFLICT", `card ${cardId} is busy; try again`);
    }
  }
}
