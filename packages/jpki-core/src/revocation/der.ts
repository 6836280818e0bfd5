/**
 * A minimal DER reader and writer for the OCSP and CRL modules. The responder builds every OCSP response
 * with these (jlis signs many: pkijs's object model costs more than the RSA signature, NOTES.md "Speed"),
 * and the parsers use the reader to take exact byte ranges (signed data, names, keys) out of the input.
 * Single-byte tags and definite lengths only — exactly what DER allows for the structures read here.
 */
import type { Bytes } from "../encoding/pem.js";

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  /** [n] constructed (EXPLICIT or constructed IMPLICIT) */
  context: (n: number) => 0xa0 | n,
  /** [n] primitive (IMPLICIT) */
  contextPrimitive: (n: number) => 0x80 | n,
} as const;

/** One element: `tag` is the identifier octet, the value runs from `valueStart` to `end`. */
export interface Tlv {
  tag: number;
  start: number;
  valueStart: number;
  end: number;
}

/** Reads the element at `offset`, never past `limit`; throws on anything truncated or not DER-shaped. */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new Error(`DER: truncated at ${offset}`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new Error(`DER: multi-byte tag at ${offset}`);
  let length = bytes[offset + 1]!;
  let valueStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error(`DER: unsupported length form at ${offset}`);
    if (valueStart + count > limit) throw new Error(`DER: truncated length at ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[valueStart + i]!;
    valueStart += count;
  }
  const end = valueStart + length;
  if (end > limit) throw new Error(`DER: element at ${offset} runs past its container`);
  return { tag, start: offset, valueStart, end };
}

/** Reads a whole input that must be exactly one element (no trailing bytes). */
export function readOnly(bytes: Uint8Array, expectedTag?: number): Tlv {
  const tlv = readTlv(bytes);
  if (tlv.end !== bytes.length) throw new Error("DER: trailing bytes after the outer element");
  if (expectedTag !== undefined && tlv.tag !== expectedTag) throw new Error("DER: unexpected outer tag");
  return tlv;
}

/** The elements inside a constructed element. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = parent.valueStart; offset < parent.end; ) {
    const child = readTlv(bytes, offset, parent.end);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function valueOf(bytes: Uint8Array, tlv: Tlv): Bytes {
  return bytes.slice(tlv.valueStart, tlv.end) as Bytes;
}

export function encodingOf(bytes: Uint8Array, tlv: Tlv): Bytes {
  return bytes.slice(tlv.start, tlv.end) as Bytes;
}

// --- writer ---

function lengthOctets(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

/** One element with the given tag and the concatenation of `parts` as its value. */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.length;
  const header = [tag, ...lengthOctets(length)];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let offset = header.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function concat(parts: readonly Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function sequence(...parts: readonly Uint8Array[]): Bytes {
  return tlv(TAG.SEQUENCE, ...parts);
}

export function octetString(value: Uint8Array): Bytes {
  return tlv(TAG.OCTET_STRING, value);
}

export const DER_NULL: Bytes = new Uint8Array([0x05, 0x00]);

export function oid(dotted: string): Bytes {
  const arcs = dotted.split(".").map(BigInt);
  if (arcs.length < 2) throw new Error(`not an OID: ${dotted}`);
  const body: number[] = [];
  const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  for (const value of values) {
    const chunk: number[] = [Number(value & 0x7fn)];
    for (let v = value >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    body.push(...chunk);
  }
  return tlv(TAG.OID, new Uint8Array(body));
}

export function decodeOid(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let current = 0n;
  for (let i = 0; i < value.length; i++) {
    const byte = value[i]!;
    current = (current << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(current);
      current = 0n;
    } else if (i === value.length - 1) throw new Error("DER: truncated OID");
  }
  if (arcs.length === 0) throw new Error("DER: empty OID");
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join(".");
}

/** INTEGER from a non-negative hex value (a serial number): minimal octets, a 00 prefix when the top bit is set. */
export function integerFromHex(hex: string): Bytes {
  let clean = hex.toLowerCase().replace(/^(00)+(?=..)/, "");
  if (clean.length % 2) clean = `0${clean}`;
  if (clean.length === 0) clean = "00";
  if (parseInt(clean.slice(0, 2), 16) >= 0x80) clean = `00${clean}`;
  return tlv(TAG.INTEGER, Uint8Array.from(clean.match(/../g)!, (pair) => parseInt(pair, 16)));
}

export function enumerated(value: number): Bytes {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new Error(`ENUMERATED out of range: ${value}`);
  return tlv(TAG.ENUMERATED, new Uint8Array([value]));
}

/** GeneralizedTime `YYYYMMDDHHMMSSZ` (RFC 5280 §4.1.2.5.2: no fractional seconds; they are dropped). */
export function generalizedTime(instant: Date): Bytes {
  const iso = instant.toISOString(); // 2026-04-01T01:00:00.000Z
  if (iso.length !== 24) throw new Error(`GeneralizedTime: year out of range: ${iso}`);
  const text = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(text));
}
