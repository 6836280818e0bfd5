/** jpki-core's ChallengeStore on the bank's store: `consume` is one atomic UPDATE … WHERE consumedAt IS NULL. */
import { base64ToBytes, bytesToBase64, type ChallengeStore } from "@jpki-sandbox/jpki-core";
import type { BankStore } from "./ports.js";

export function bankChallengeStore(challenges: BankStore["challenges"], clock: () => Date): ChallengeStore {
  return {
    async save(challenge) {
      await challenges.insert({ id: challenge.id, nonce: bytesToBase64(challenge.nonce), issuedAt: challenge.issuedAt, expiresAt: challenge.expiresAt, consumedAt: null });
    },
    async consume(id) {
      const previous = await challenges.consume(id, clock());
      if (!previous) return { ok: false, reason: "unknown" };
      if (previous.consumedAt) return { ok: false, reason: "replayed" };
      return { ok: true, challenge: { id, nonce: base64ToBytes(previous.nonce), issuedAt: previous.issuedAt, expiresAt: previous.expiresAt } };
    },
  };
}
