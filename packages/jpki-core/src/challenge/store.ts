/**
 * Where issued challenges wait for their response. Async so that jlis and the bank can back it with PostgreSQL
 * (or Redis) later; the in-memory store here serves tests and the embedded mode.
 *
 * `consume` must be atomic: of two concurrent calls with one id, exactly one gets the challenge. With SQL:
 *   UPDATE challenge SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING *
 * and, when no row comes back, SELECT 1 WHERE id = $1 tells "replayed" from "unknown". Expiry is decided by
 * verifyChallengeResponse from the returned challenge, so every store agrees on it (and `now` can be injected).
 */
import type { Challenge } from "./challenge.js";
import { JpkiError } from "../errors.js";

export type ConsumeChallengeResult =
  | { ok: true; challenge: Challenge }
  | { ok: false; reason: "unknown" | "replayed" };

export interface ChallengeStore {
  /** Stores a new challenge; an id already present is an error. */
  save(challenge: Challenge): Promise<void>;
  /** Marks the challenge used and returns it — once. Later calls say "replayed"; ids never saved, "unknown". */
  consume(id: string): Promise<ConsumeChallengeResult>;
}

export interface InMemoryChallengeStoreOptions {
  /**
   * How long after expiry a challenge (used or not) is still remembered, so that a late answer is told
   * CHALLENGE_EXPIRED / CHALLENGE_REPLAYED rather than CHALLENGE_UNKNOWN. Either way it is refused.
   * Default one hour.
   */
  retentionSeconds?: number;
}

interface Entry {
  challenge: Challenge;
  consumed: boolean;
}

/** A ChallengeStore in a Map. Single-threaded JavaScript makes `consume` atomic without locks. */
export class InMemoryChallengeStore implements ChallengeStore {
  readonly #entries = new Map<string, Entry>();
  readonly #retentionMs: number;

  constructor(options: InMemoryChallengeStoreOptions = {}) {
    this.#retentionMs = (options.retentionSeconds ?? 3600) * 1000;
  }

  async save(challenge: Challenge): Promise<void> {
    // Forget long-expired challenges as new ones arrive, so the map stays bounded without a timer.
    this.purgeExpired(challenge.issuedAt);
    if (this.#entries.has(challenge.id)) {
      throw new JpkiError("INVALID_ARGUMENT", "a challenge with this id is already stored");
    }
    this.#entries.set(challenge.id, { challenge, consumed: false });
  }

  async consume(id: string): Promise<ConsumeChallengeResult> {
    const entry = this.#entries.get(id);
    if (!entry) return { ok: false, reason: "unknown" };
    if (entry.consumed) return { ok: false, reason: "replayed" };
    entry.consumed = true; // no await between the check and the mark: atomic
    return { ok: true, challenge: entry.challenge };
  }

  /** Drops challenges that expired more than the retention period before `now`. Returns how many. */
  purgeExpired(now: Date = new Date()): number {
    let purged = 0;
    for (const [id, { challenge }] of this.#entries) {
      if (challenge.expiresAt.getTime() + this.#retentionMs <= now.getTime()) {
        this.#entries.delete(id);
        purged++;
      }
    }
    return purged;
  }

  get size(): number {
    return this.#entries.size;
  }
}

export function createInMemoryChallengeStore(options?: InMemoryChallengeStoreOptions): InMemoryChallengeStore {
  return new InMemoryChallengeStore(options);
}
