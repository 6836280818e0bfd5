/** Byte helpers shared by the APDU layer, the trace and the reader. */

/** Bytes backed by a plain ArrayBuffer: what WebCrypto and jpki-core accept as BufferSource. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** `00 A4 04 0C` — upper-case hex, one space between bytes (how APDUs are written in JPKI.md and ISO 7816). */
export function formatHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(" ");
}

/** Parses hex with optional spaces (`"00 A4 04 0C"` or `"00a4040c"`). Throws on odd or non-hex input. */
export function parseHex(hex: string): Bytes {
  const compact = hex.replace(/\s+/g, "");
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) throw new Error(`not hex: ${hex}`);
  return Uint8Array.from(Buffer.from(compact, "hex"));
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** `0x6a82` → `"6A 82"`. */
export function formatStatusWord(sw: number): string {
  return formatHex(Uint8Array.of(sw >> 8, sw & 0xff));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function fromBase64(text: string): Bytes {
  return Uint8Array.from(Buffer.from(text, "base64"));
}
