/**
 * The sandbox clock's offset as the console shows it (dates and ids in JST: web-kit's format helpers).
 */
import { pad } from "@jpki-sandbox/web-kit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Offset of the sandbox clock from real time: "+1826d 00:00:12", "−3d 01:00:00", "±0". */
export function formatOffset(offsetMs: number): string {
  if (!Number.isFinite(offsetMs)) return String(offsetMs);
  const abs = Math.abs(Math.trunc(offsetMs / 1000));
  if (abs === 0) return "±0";
  const sign = offsetMs < 0 ? "−" : "+";
  const days = Math.floor(abs / 86_400);
  const rest = abs % 86_400;
  const hms = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return `${sign}${days}d ${hms}`;
}

/** Roughly how far the clock is moved, in years, for a glance: "≈ 5.0 年 / years"; null under a day. */
export function approximateOffsetYears(offsetMs: number): string | null {
  if (Math.abs(offsetMs) < DAY_MS) return null;
  const years = offsetMs / (365.2425 * DAY_MS);
  return `≈ ${years >= 0 ? "+" : "−"}${Math.abs(years).toFixed(1)} 年 / years`;
}

/**
 * The sandbox time right now, given a reading taken at real time `readAtMs`: the sandbox clock runs at real
 * speed between advances, so the console ticks locally instead of polling.
 */
export function projectSandboxNow(reading: string, readAtMs: number, realNowMs: number): Date {
  return new Date(new Date(reading).getTime() + (realNowMs - readAtMs));
}
