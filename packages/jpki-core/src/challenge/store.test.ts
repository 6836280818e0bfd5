import { describe, expect, it } from "vitest";
import { createChallenge } from "./challenge.js";
import { createInMemoryChallengeStore } from "./store.js";

const NOW = new Date("2026-04-02T00:00:00Z");

describe("InMemoryChallengeStore", () => {
  it("hands a challenge out once, then says replayed; unknown ids are unknown", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge({ now: NOW });
    await store.save(challenge);
    expect(await store.consume(challenge.id)).toEqual({ ok: true, challenge });
    expect(await store.consume(challenge.id)).toEqual({ ok: false, reason: "replayed" });
    expect(await store.consume("nope")).toEqual({ ok: false, reason: "unknown" });
  });

  it("consumes atomically under concurrency", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge({ now: NOW });
    await store.save(challenge);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.consume(challenge.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses a duplicate id", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge({ now: NOW });
    await store.save(challenge);
    await expect(store.save(challenge)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("forgets challenges once they are past expiry plus the retention period", async () => {
    const store = createInMemoryChallengeStore({ retentionSeconds: 60 });
    const old = createChallenge({ now: NOW, ttlSeconds: 300 });
    await store.save(old);
    const expiredAt = old.expiresAt.getTime();
    expect(store.purgeExpired(new Date(expiredAt + 59_000))).toBe(0);
    // saving a newer challenge purges on the way
    await store.save(createChallenge({ now: new Date(expiredAt + 60_000) }));
    expect(store.size).toBe(1);
    expect(await store.consume(old.id)).toEqual({ ok: false, reason: "unknown" });
  });
});
