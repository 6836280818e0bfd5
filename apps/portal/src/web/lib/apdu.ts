/**
 * Reading the card's APDU log (JPKI.md "The card"): status words in words, long data shortened, newest first.
 */
import type { Tone } from "@jpki-sandbox/web-kit";
import type { ApduLogEntry } from "../../shared/api-types";

export interface StatusWordInfo {
  sw: string;
  tone: Tone;
  ja: string;
  en: string;
}

/** The status word (SW1 SW2, 4 hex digits) explained; JPKI.md lists the ones the applet answers. */
export function describeStatusWord(status: string): StatusWordInfo {
  const sw = status.replace(/[^0-9a-fA-F]/g, "").toUpperCase();
  if (sw === "9000") return { sw, tone: "good", ja: "正常終了", en: "OK" };
  const tries = /^63C([0-9A-F])$/.exec(sw);
  if (tries !== null) {
    const n = parseInt(tries[1] ?? "0", 16);
    return { sw, tone: "warn", ja: `残り${n}回`, en: `${n} tries left` };
  }
  switch (sw) {
    case "6983":
      return { sw, tone: "bad", ja: "パスワードがロックされています", en: "PIN blocked" };
    case "6982":
      return { sw, tone: "bad", ja: "セキュリティ条件を満たしていません", en: "security status not satisfied" };
    case "6A82":
      return { sw, tone: "bad", ja: "ファイルがありません", en: "file not found" };
    case "6D00":
      return { sw, tone: "bad", ja: "命令がサポートされていません", en: "instruction not supported" };
    case "6700":
      return { sw, tone: "bad", ja: "長さが不正です", en: "wrong length" };
    default:
      return { sw: sw === "" ? status : sw, tone: "neutral", ja: "", en: "" };
  }
}

/** Hex shortened to `maxBytes` bytes for a table cell: { text, truncated, bytes }. */
export function abbreviateHex(hex: string, maxBytes = 24): { text: string; truncated: boolean; bytes: number } {
  const clean = hex.replace(/\s+/g, "");
  const bytes = Math.ceil(clean.length / 2);
  if (bytes <= maxBytes) return { text: clean, truncated: false, bytes };
  return { text: `${clean.slice(0, maxBytes * 2)}…`, truncated: true, bytes };
}

/**
 * The log, newest first. The portal already sends it newest first; entries stamped with the same instant (one
 * millisecond holds several APDUs) keep the server's order.
 */
export function newestFirst(entries: readonly ApduLogEntry[]): ApduLogEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, t: Date.parse(entry.at) }))
    .sort((a, b) => {
      const ta = Number.isNaN(a.t) ? -Infinity : a.t;
      const tb = Number.isNaN(b.t) ? -Infinity : b.t;
      return tb === ta ? a.index - b.index : tb - ta;
    })
    .map((x) => x.entry);
}

/**
 * A VERIFY command (INS 20, JPKI.md "The card") with its PIN bytes hidden: the header and Lc stay, each data
 * byte shows as "**". The log is for learning the protocol, not for reading a PIN off the screen.
 */
export function maskVerifyData(command: string): string {
  const clean = command.replace(/\s+/g, "");
  if (clean.length <= 10 || clean.slice(2, 4).toLowerCase() !== "20") return command;
  return clean.slice(0, 10) + "**".repeat(Math.ceil((clean.length - 10) / 2));
}
