import { describe, expect, it } from "vitest";
import { createCachedStatusSource } from "./cached-status-source.js";
import { createInMemoryStatusSource } from "./status-source.js";

describe("cached status source", () => {
  it("asks the source once per issued certificate, every time for unknown ones, again after forget", async () => {
    const source = createInMemoryStatusSource();
    let calls = 0;
    const counting = { statusOf: (kind: "S" | "R", serial: string) => (calls++, source.statusOf(kind, serial)) };
    const cached = createCachedStatusSource(counting);
    source.issue("S", "0a");
    expect(await cached.statusOf("S", "0a")).toEqual({ status: "good" });
    expect(await cached.statusOf("S", "0a")).toEqual({ status: "good" });
    expect(calls).toBe(1);
    expect(await cached.statusOf("S", "0b")).toBeUndefined();
    expect(await cached.statusOf("S", "0b")).toBeUndefined();
    expect(calls).toBe(3);
    const revokedAt = new Date("2026-11-24T00:00:00Z");
    source.revoke("S", "0a", revokedAt, "keyCompromise");
    expect(await cached.statusOf("S", "0a")).toEqual({ status: "good" }); // not told yet
    cached.forget("S", "0a");
    expect(await cached.statusOf("S", "0a")).toEqual({ status: "revoked", revokedAt, reason: "keyCompromise" });
  });

  it("does not keep a status read while a forget happened (no stale good after a racing revocation)", async () => {
    const source = createInMemoryStatusSource();
    source.issue("R", "01");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = { statusOf: async (kind: "S" | "R", serial: string) => (await gate, source.statusOf(kind, serial)) };
    const cached = createCachedStatusSource(slow);
    const pending = cached.statusOf("R", "01");
    cached.forget("R", "01");
    release();
    await pending;
    source.revoke("R", "01", new Date(), "superseded");
    expect((await cached.statusOf("R", "01"))?.status).toBe("revoked");
  });
});
