/** Chaos knobs (DESIGN.md "Beyond the slide"): what counts as on, and the delay field's validation. */
import type { Chaos } from "../api";

export const CHAOS_OFF: Chaos = { ocsp: { mode: "off", delayMs: 0 }, linkage: { mode: "off", delayMs: 0 } };

/** Longest delay the console offers; longer only makes relying parties time out in ways nobody reads. */
export const MAX_DELAY_MS = 60_000;

export function chaosIsActive(chaos: Chaos): boolean {
  return chaos.ocsp.mode !== "off" || chaos.ocsp.delayMs > 0 || chaos.linkage.mode !== "off" || chaos.linkage.delayMs > 0;
}

export function chaosEquals(a: Chaos, b: Chaos): boolean {
  return (
    a.ocsp.mode === b.ocsp.mode &&
    a.ocsp.delayMs === b.ocsp.delayMs &&
    a.linkage.mode === b.linkage.mode &&
    a.linkage.delayMs === b.linkage.delayMs
  );
}

/** A delay as typed: whole milliseconds, 0 to MAX_DELAY_MS. */
export function parseDelayMs(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: 0 };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: "0 以上の整数（ミリ秒） / A whole number of milliseconds, 0 or more" };
  const value = Number(trimmed);
  if (value > MAX_DELAY_MS) return { ok: false, error: `最大 ${MAX_DELAY_MS} ms / At most ${MAX_DELAY_MS} ms` };
  return { ok: true, value };
}
