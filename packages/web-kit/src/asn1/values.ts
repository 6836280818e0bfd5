/**
 * What an ASN.1 element is and holds, in words: universal tag names (X.680 §8.4), object identifiers with the
 * names jpki-core gives them (./oid-names.ts, kept equal to jpki-core's `OID` table by a test), and each
 * primitive value as a person reads it — INTEGER as hex, strings as text, times as written, OIDs dotted.
 */
import type { Asn1Node } from "./der-tree.js";
import { OID_NAMES } from "./oid-names.js";

const UNIVERSAL_NAMES: Record<number, string> = {
  0: "END-OF-CONTENTS",
  1: "BOOLEAN",
  2: "INTEGER",
  3: "BIT STRING",
  4: "OCTET STRING",
  5: "NULL",
  6: "OBJECT IDENTIFIER",
  7: "ObjectDescriptor",
  8: "EXTERNAL",
  9: "REAL",
  10: "ENUMERATED",
  12: "UTF8String",
  13: "RELATIVE-OID",
  16: "SEQUENCE",
  17: "SET",
  18: "NumericString",
  19: "PrintableString",
  20: "TeletexString",
  22: "IA5String",
  23: "UTCTime",
  24: "GeneralizedTime",
  26: "VisibleString",
  28: "UniversalString",
  30: "BMPString",
};

/** "SEQUENCE", "[0]", "[APPLICATION 3]", "[UNIVERSAL 99]". */
export function tagName(node: Pick<Asn1Node, "tagClass" | "tagNumber">): string {
  switch (node.tagClass) {
    case "universal":
      return UNIVERSAL_NAMES[node.tagNumber] ?? `[UNIVERSAL ${node.tagNumber}]`;
    case "context":
      return `[${node.tagNumber}]`;
    case "application":
      return `[APPLICATION ${node.tagNumber}]`;
    default:
      return `[PRIVATE ${node.tagNumber}]`;
  }
}

/** A friendly name for a dotted OID, when one is known. */
export function oidName(oid: string): string | undefined {
  return OID_NAMES.get(oid);
}

/** X.690 §8.19: the dotted form of an OBJECT IDENTIFIER's contents; null when malformed. */
export function decodeOidContents(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || (bytes[bytes.length - 1]! & 0x80) !== 0) return null;
  const arcs: bigint[] = [];
  let value = 0n;
  for (const b of bytes) {
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join(".");
}

export function toHex(bytes: Uint8Array, separator = ""): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(separator);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function bmpString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}

/** UTCTime / GeneralizedTime contents → a Date (UTC); null when it is not a valid time. */
export function decodeTime(bytes: Uint8Array, utc: boolean): Date | null {
  const text = latin1.decode(bytes);
  const m = (utc ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\.\d+)?Z$/).exec(text);
  if (m === null) return null;
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900; // RFC 5280 §4.1.2.5.1
  const ms = !utc && m[7] !== undefined ? Math.round(Number(m[7]) * 1000) : 0;
  const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A primitive value as a person reads it, and whether it is long enough to truncate by default. */
export interface ValueText {
  text: string;
  /** "hex" values are shown monospaced; "text" as they are. */
  style: "hex" | "text" | "oid" | "time";
  /** The OID's friendly name. */
  name?: string;
}

/** The value of a primitive element; undefined for constructed ones. */
export function valueText(node: Asn1Node, contents: Uint8Array): ValueText | undefined {
  if (node.constructed) return undefined;
  if (node.tagClass !== "universal") return { text: toHex(contents, " "), style: "hex" };
  switch (node.tagNumber) {
    case 1:
      return { text: contents.length === 1 ? (contents[0] === 0 ? "FALSE" : "TRUE") : `malformed (${toHex(contents)})`, style: "text" };
    case 2:
    case 10:
      return integerText(contents);
    case 3:
      return contents.length === 0 ? { text: "empty", style: "text" } : { text: `${contents[0]} unused bits · ${toHex(contents.subarray(1), " ")}`, style: "hex" };
    case 5:
      return { text: contents.length === 0 ? "" : `malformed (${contents.length} bytes)`, style: "text" };
    case 6: {
      const oid = decodeOidContents(contents);
      const name = oid === null ? undefined : oidName(oid);
      return oid === null ? { text: `malformed (${toHex(contents)})`, style: "hex" } : { text: oid, style: "oid", ...(name === undefined ? {} : { name }) };
    }
    case 12:
      return { text: utf8OrNull(contents) ?? `invalid UTF-8 (${toHex(contents, " ")})`, style: "text" };
    case 18:
    case 19:
    case 20:
    case 22:
    case 26:
      return { text: latin1.decode(contents), style: "text" };
    case 30:
      return { text: bmpString(contents), style: "text" };
    case 23:
    case 24: {
      const date = decodeTime(contents, node.tagNumber === 23);
      const written = latin1.decode(contents);
      return { text: date === null ? `${written} (not a valid time)` : `${written} (${date.toISOString()})`, style: "time" };
    }
    default:
      return { text: toHex(contents, " "), style: "hex" };
  }
}

/** INTEGER / ENUMERATED: small ones in decimal with hex, large ones (serials, moduli) in hex. */
function integerText(contents: Uint8Array): ValueText {
  if (contents.length === 0) return { text: "malformed (empty)", style: "text" };
  if (contents.length <= 6) {
    const value = BigInt.asIntN(contents.length * 8, BigInt(`0x${toHex(contents)}`));
    return { text: `${value} (0x${toHex(contents)})`, style: "text" };
  }
  return { text: toHex(contents, " "), style: "hex" };
}
