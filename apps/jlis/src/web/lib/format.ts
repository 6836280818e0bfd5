/**
 * Date formatting for the console. Every instant is shown in Japan time (JST, UTC+9, no daylight saving —
 * the zone JPKI validity is defined in, JPKI.md "The two certificates"), computed by hand so that output
 * does not depend on the browser's time zone or ICU data.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function toDate(value: string | Date): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2030-03-31T14:59:59.000Z" → "2030-03-31 23:59:59 JST"; unparsable input is returned as it is. */
export function formatJst(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = toDate(value);
  if (date === null) return String(value);
  const j = new Date(date.getTime() + JST_OFFSET_MS);
  return (
    `${j.getUTCFullYear()}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())} ` +
    `${pad(j.getUTCHours())}:${pad(j.getUTCMinutes())}:${pad(j.getUTCSeconds())} JST`
  );
}

/** The calendar date in Japan: "2030-03-31". */
export function formatJstDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = toDate(value);
  if (date === null) return String(value);
  const j = new Date(date.getTime() + JST_OFFSET_MS);
  return `${j.getUTCFullYear()}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())}`;
}

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

const ERAS: ReadonlyArray<[start: string, name: string]> = [
  ["2019-05-01", "令和"],
  ["1989-01-08", "平成"],
  ["1926-12-25", "昭和"],
  ["1912-07-30", "大正"],
  ["1868-10-23", "明治"],
];

/** A calendar date "YYYY-MM-DD" in the Japanese era calendar (和暦): "2010-03-31" → "平成22年3月31日". */
export function formatWareki(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const era = ERAS.find(([start]) => isoDate >= start);
  if (era === undefined) return null;
  const eraYear = Number(y) - Number(era[0].slice(0, 4)) + 1;
  return `${era[1]}${eraYear === 1 ? "元" : eraYear}年${Number(mo)}月${Number(d)}日`;
}

/** Short form of a long identifier for tables: "c1a2b3c4-…" → "c1a2b3c4…". */
export function shortId(id: string, keep = 8): string {
  return id.length <= keep + 1 ? id : `${id.slice(0, keep)}…`;
}

/** A hex serial grouped in pairs for reading aloud: "0a1b2c" → "0a 1b 2c". */
export function groupHex(hex: string): string {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  const even = clean.length % 2 === 1 ? `0${clean}` : clean;
  return even.match(/.{2}/g)?.join(" ") ?? hex;
}
