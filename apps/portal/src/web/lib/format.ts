/**
 * Ages and sizes for the portal (instants, dates and hex are web-kit's, in JST). Computed by hand, so the
 * output does not depend on the browser's time zone or ICU data.
 */
import { formatJstDate } from "@jpki-sandbox/web-kit";

/** Whether "YYYY-MM-DD" is a real calendar date. */
export function isCalendarDate(isoDate: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

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
