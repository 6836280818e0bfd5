/**
 * The sandbox clock (DESIGN.md "The sandbox clock"): jlis owns the sandbox time (real time + an offset) and
 * the other apps read it, so a test can jump five years and watch certificates expire. It only moves forward;
 * `reset` brings it back to real time.
 */
import { SandboxError } from "../errors.js";

export interface SandboxTime {
  /** The sandbox's now. */
  now: Date;
  /** How far ahead of real time, in milliseconds. */
  offsetMs: number;
}

/** How far to move: calendar parts (applied in UTC by jlis), or an ISO 8601 duration such as `P5Y` or `PT12H`. */
export type ClockAdvance = string | { years?: number; months?: number; weeks?: number; days?: number; hours?: number; minutes?: number; seconds?: number };

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** The ISO 8601 duration jlis's `POST /admin/api/clock { advance }` takes. */
export function isoDuration(advance: ClockAdvance): string {
  if (typeof advance === "string") {
    if (!ISO_DURATION.test(advance)) throw new SandboxError("INVALID_ARGUMENT", `not an ISO 8601 duration: ${JSON.stringify(advance)} (e.g. P5Y, P30D, PT12H)`);
    return advance;
  }
  const part = (value: number | undefined, unit: string, name: string) => {
    if (value === undefined || value === 0) return "";
    if (!Number.isInteger(value) || value < 0) throw new SandboxError("INVALID_ARGUMENT", `advanceClock: ${name} must be a whole number ≥ 0 (the clock only moves forward)`);
    return `${value}${unit}`;
  };
  const date = part(advance.years, "Y", "years") + part(advance.months, "M", "months") + part(advance.weeks, "W", "weeks") + part(advance.days, "D", "days");
  const time = part(advance.hours, "H", "hours") + part(advance.minutes, "M", "minutes") + part(advance.seconds, "S", "seconds");
  if (date === "" && time === "") throw new SandboxError("INVALID_ARGUMENT", "advanceClock: say how far (e.g. { days: 30 })");
  return `P${date}${time === "" ? "" : `T${time}`}`;
}
