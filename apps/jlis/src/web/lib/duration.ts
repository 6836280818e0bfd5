/**
 * ISO 8601 durations for the sandbox clock's "advance" input (P5Y, P30D, PT12H, P1Y2M10DT2H30M).
 * The console only validates and describes them; jlis applies them. Forward only: going back is "reset".
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export type DurationResult = { ok: true; value: Duration; canonical: string } | { ok: false; error: string };

const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (case-insensitive, surrounding spaces ignored). */
export function parseDuration(input: string): DurationResult {
  const text = input.trim().toUpperCase();
  if (text === "") return { ok: false, error: "期間を入力してください / Enter a duration, e.g. P30D or P5Y" };
  if (text.startsWith("-")) {
    return { ok: false, error: "進めるだけです（戻すにはリセット） / Only forward; use reset to go back" };
  }
  const match = PATTERN.exec(text);
  if (match === null || text === "P" || text.endsWith("T")) {
    return { ok: false, error: `ISO 8601 の期間ではありません / Not an ISO 8601 duration: "${input.trim()}" (e.g. P5Y, P30D, PT12H)` };
  }
  const n = (i: number) => {
    const raw = match[i];
    return raw === undefined ? 0 : Number(raw.replace(",", "."));
  };
  const value: Duration = {
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    hours: n(5),
    minutes: n(6),
    seconds: n(7),
  };
  if (Object.values(value).some((v) => !Number.isFinite(v) || v > 10_000_000)) {
    return { ok: false, error: "期間が大きすぎます / Duration too large" };
  }
  if (Object.values(value).every((v) => v === 0)) {
    return { ok: false, error: "ゼロの期間です / The duration is zero" };
  }
  return { ok: true, value, canonical: text.replace(",", ".") };
}

const UNITS: ReadonlyArray<[keyof Duration, string, string]> = [
  ["years", "年", "year"],
  ["months", "か月", "month"],
  ["weeks", "週間", "week"],
  ["days", "日", "day"],
  ["hours", "時間", "hour"],
  ["minutes", "分", "minute"],
  ["seconds", "秒", "second"],
];

/** "P1Y2M" → "1年2か月 / 1 year 2 months". */
export function describeDuration(d: Duration): string {
  const parts = UNITS.filter(([key]) => d[key] !== 0);
  const ja = parts.map(([key, unit]) => `${d[key]}${unit}`).join("");
  const en = parts.map(([key, , unit]) => `${d[key]} ${unit}${d[key] === 1 ? "" : "s"}`).join(" ");
  return `${ja} / ${en}`;
}
