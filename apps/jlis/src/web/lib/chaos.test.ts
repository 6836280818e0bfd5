import { describe, expect, it } from "vitest";
import { CHAOS_OFF, chaosEquals, chaosIsActive, parseDelayMs } from "./chaos";

describe("chaosIsActive", () => {
  it("is off only when every mode is off and there is no delay", () => {
    expect(chaosIsActive(CHAOS_OFF)).toBe(false);
    expect(chaosIsActive({ ...CHAOS_OFF, ocsp: { mode: "stale", delayMs: 0 } })).toBe(true);
    expect(chaosIsActive({ ...CHAOS_OFF, linkage: { mode: "off", delayMs: 200 } })).toBe(true);
  });
});

describe("chaosEquals", () => {
  it("compares every knob", () => {
    expect(chaosEquals(CHAOS_OFF, { ocsp: { mode: "off", delayMs: 0 }, linkage: { mode: "off", delayMs: 0 } })).toBe(true);
    expect(chaosEquals(CHAOS_OFF, { ...CHAOS_OFF, linkage: { mode: "unavailable", delayMs: 0 } })).toBe(false);
  });
});

describe("parseDelayMs", () => {
  it("accepts whole milliseconds, empty meaning 0", () => {
    expect(parseDelayMs("250")).toEqual({ ok: true, value: 250 });
    expect(parseDelayMs(" ")).toEqual({ ok: true, value: 0 });
    expect(parseDelayMs("60000")).toEqual({ ok: true, value: 60000 });
  });
  it.each(["-1", "1.5", "abc", "1e3", "60001"])("rejects %j", (text) => {
    expect(parseDelayMs(text).ok).toBe(false);
  });
});
