import { getCrypto } from "../crypto/provider.js";
import { bytesToHex } from "../encoding/pem.js";

/**
 * A random positive serial of 16 bytes (RFC 5280 §4.1.2.2: positive, at most 20 octets), first byte
 * 0x01–0x7f so DER needs no leading zero. jlis may assign its own serials instead.
 */
export function randomSerialNumber(): string {
  const bytes = getCrypto().getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! % 0x7f) + 1;
  return bytesToHex(bytes);
}

/** Canonical form of a hex serial: lower case, no leading zero octets (keeps one octet for zero). */
export function normaliseSerialNumber(hex: string): string {
  const clean = hex.toLowerCase().replace(/[^0-9a-f]/g, "");
  const even = clean.length % 2 === 1 ? `0${clean}` : clean;
  return even.replace(/^(00)+(?=..)/, "");
}

export function serialNumberToDecimal(hex: string): string {
  return BigInt(`0x${normaliseSerialNumber(hex)}`).toString(10);
}
