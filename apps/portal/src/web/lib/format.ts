/**
 * Ages and sizes for the portal (instants, dates and hex are web-kit's, in JST). Computed by hand, so the
 * output does not depend on the browser's time zone or ICU data.
 */
import { formatJstDate, isCalendarDate } from "@jpki-sandbox/web-kit";

/**
 * Age in whole years on the Japan calendar date of `now`, from a date of birth "YYYY-MM-DD": the year count
 * goes up on the birthday (someone born on 29 February turns a year older on 1 March in other years).
 * null when either input cannot be read. The server decides issuance; this is for telling the citizen early.
 */
export function ageAt(dateOfBirth: string, now: string | Date): number | null {
  if (!isCalendarDate(dateOfBirth)) return null;
  const today = formatJstDate(now);
  if (!isCalendarDate(today)) return null;
  const [by, bmd] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [ty, tmd] = [Number(today.slice(0, 4)), today.slice(5)];
  return ty - by - (tmd < bmd ? 1 : 0);
}

/** A byte count for people: 512 → "512 B", 2048 → "2.0 KiB". */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return String(size);
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MiB`;
}
