/**
 * Validity periods (JPKI.md "Both: …"): certificates run to the holder's 5th birthday after issuance, end of
 * that day Japan time, and never past the card's expiry; the card runs to the 10th birthday after issuance
 * for holders 18 and over, the 5th for younger ones. Japan has no daylight saving time, so JST is UTC+9.
 */
import { JpkiError } from "../errors.js";
import { isValidIsoDate } from "../attributes/date-of-birth.js";

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar date in Japan at `instant`, as YYYY-MM-DD. */
export function japanDateOf(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 23:59:59 Japan time on `isoDate`, as an instant (whole seconds, as certificates carry). */
export function endOfJapanDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 23, 59, 59) - JST_OFFSET_MS);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The holder's birthday in `year`. Someone born on 29 February has theirs on 28 February in common years
 * (a sandbox choice, in line with the Act on Calculation of Age, under which such a person gains a year
 * at the end of 28 February).
 */
export function birthdayIn(dateOfBirth: string, year: number): string {
  const [, m, d] = dateOfBirth.split("-") as [string, string, string];
  const day = m === "02" && d === "29" && !isLeapYear(year) ? "28" : d;
  return `${String(year).padStart(4, "0")}-${m}-${day}`;
}

/** The n-th birthday strictly after the Japan date of `issuedAt`. */
export function nthBirthdayAfter(dateOfBirth: string, issuedAt: Date, n: number): string {
  if (!isValidIsoDate(dateOfBirth)) throw new JpkiError("INVALID_ARGUMENT", `not a date: ${dateOfBirth}`);
  const issuedOn = japanDateOf(issuedAt);
  const year = Number(issuedOn.slice(0, 4));
  const first = birthdayIn(dateOfBirth, year) > issuedOn ? year : year + 1;
  return birthdayIn(dateOfBirth, first + n - 1);
}

/** Age in whole years on the Japan date of `at`. */
export function ageAt(dateOfBirth: string, at: Date): number {
  const today = japanDateOf(at);
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return birthdayIn(dateOfBirth, Number(today.slice(0, 4))) > today ? years - 1 : years;
}

/** When a card issued at `issuedAt` expires (end of the 10th or 5th birthday after issuance, JST). */
export function cardExpiry(dateOfBirth: string, issuedAt: Date): Date {
  const birthdays = ageAt(dateOfBirth, issuedAt) >= 18 ? 10 : 5;
  return endOfJapanDay(nthBirthdayAfter(dateOfBirth, issuedAt, birthdays));
}

/** notAfter for an S or R certificate issued at `issuedAt`: the 5th birthday after, capped by the card. */
export function certificateNotAfter(dateOfBirth: string, issuedAt: Date, cardExpiresAt?: Date): Date {
  const fifthBirthday = endOfJapanDay(nthBirthdayAfter(dateOfBirth, issuedAt, 5));
  const card = cardExpiresAt ?? cardExpiry(dateOfBirth, issuedAt);
  return fifthBirthday.getTime() <= card.getTime() ? fifthBirthday : card;
}

/** Signing certificates go to holders aged 15 and over, younger ones only on request (JPKI.md). */
export function isEligibleForSigningCertificate(dateOfBirth: string, at: Date, requested = false): boolean {
  return requested || ageAt(dateOfBirth, at) >= 15;
}

/** `value` when it is a real Date; INVALID_ARGUMENT naming `what` otherwise (for untrusted inputs). */
export function requireValidDate(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new JpkiError("INVALID_ARGUMENT", `${what} is not a date`);
  }
  return value;
}

/** Drops milliseconds: asn1js would otherwise write fractional seconds, which DER forbids in UTCTime. */
export function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}
