/**
 * Dates and identifiers as every sandbox UI shows them. Every instant is in Japan time (JST, UTC+9, no
 * daylight saving — the zone JPKI validity is defined in, JPKI.md "The two certificates"), computed by hand
 * so the output does not depend on the browser's time zone or ICU data.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A number with leading zeros: pad(7) → "07". */
export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

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

/** Hex grouped in pairs for reading aloud: "0a1b2c" → "0a 1b 2c" (an odd length gets a leading zero). */
export function groupHex(hex: string): string {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  const even = clean.length % 2 === 1 ? `0${clean}` : clean;
  return even.match(/.{2}/g)?.join(" ") ?? hex;
}

/** Whether "YYYY-MM-DD" is a real calendar date. */
export function isCalendarDate(isoDate: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
