/**
 * Date of birth as JPKI writes it: one era digit and the Gregorian date, `EYYYYMMDD` (JPKI.md).
 * 31 March 2010 (Heisei 22) is `420100331`.
 */
import { JpkiError } from "../errors.js";

export type JapaneseEra = "unknown" | "meiji" | "taisho" | "showa" | "heisei" | "reiwa";

const ERA_DIGITS: Record<JapaneseEra, string> = {
  unknown: "0",
  meiji: "1",
  taisho: "2",
  showa: "3",
  heisei: "4",
  reiwa: "5",
};

/** First day of each era (Gregorian), newest first. */
const ERA_STARTS: ReadonlyArray<[JapaneseEra, string]> = [
  ["reiwa", "2019-05-01"],
  ["heisei", "1989-01-08"],
  ["showa", "1926-12-25"],
  ["taisho", "1912-07-30"],
  ["meiji", "1868-01-25"],
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function eraOf(isoDate: string): JapaneseEra {
  return ERA_STARTS.find(([, start]) => isoDate >= start)?.[0] ?? "unknown";
}

/** `2010-03-31` → `420100331`; `null` (unknown date) → `000000000`. */
export function encodeDateOfBirth(isoDate: string | null): string {
  if (isoDate === null) return "000000000";
  if (!isValidIsoDate(isoDate)) throw new JpkiError("INVALID_ARGUMENT", `not a date: ${isoDate}`);
  return ERA_DIGITS[eraOf(isoDate)] + isoDate.replace(/-/g, "");
}

export interface DecodedDateOfBirth {
  era: JapaneseEra;
  /** YYYY-MM-DD, or null when the register does not know it. */
  date: string | null;
}

export function decodeDateOfBirth(value: string): DecodedDateOfBirth {
  const m = /^([0-5])(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new JpkiError("ATTRIBUTES_MALFORMED", `date of birth is not EYYYYMMDD: ${value}`);
  const era = (Object.keys(ERA_DIGITS) as JapaneseEra[]).find((e) => ERA_DIGITS[e] === m[1])!;
  if (era === "unknown" && value === "000000000") return { era, date: null };
  const date = `${m[2]}-${m[3]}-${m[4]}`;
  if (!isValidIsoDate(date)) throw new JpkiError("ATTRIBUTES_MALFORMED", `date of birth is not a date: ${value}`);
  if (era !== "unknown" && eraOf(date) !== era) {
    throw new JpkiError("ATTRIBUTES_MALFORMED", `era digit ${m[1]} does not match ${date}`);
  }
  return { era, date };
}
