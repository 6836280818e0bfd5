import type { Bytes } from "./pem.js";
import { base64ToBytes, bytesToHex } from "./pem.js";

export function bytesToBigInt(bytes: BufferSource): bigint {
  return bytes.byteLength === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

/** Big-endian, left-padded to `length` bytes. */
export function bigIntToBytes(value: bigint, length: number): Bytes {
  const hex = value.toString(16).padStart(length * 2, "0");
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function base64UrlToBigInt(b64url: string): bigint {
  const b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
  return bytesToBigInt(base64ToBytes(b64 + "=".repeat((4 - (b64.length % 4)) % 4)));
}
