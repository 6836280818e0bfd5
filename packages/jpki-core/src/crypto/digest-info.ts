import type { Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";
import { bytesEqual, toBytes } from "../encoding/pem.js";
import { getCrypto } from "./provider.js";

/** DER prefix of a DigestInfo with sha256 and NULL parameters (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
  0x20,
]);

export async function sha256(data: BufferSource): Promise<Bytes> {
  return new Uint8Array(await getCrypto().subtle.digest("SHA-256", data));
}

/** DigestInfo ::= SEQUENCE { digestAlgorithm sha256, digest OCTET STRING } — what the card signs. */
export function encodeSha256DigestInfo(digest: BufferSource): Bytes {
  const bytes = toBytes(digest);
  if (bytes.length !== 32) throw new JpkiError("INVALID_ARGUMENT", "a SHA-256 digest is 32 bytes");
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX);
  out.set(bytes, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

/** The SHA-256 digest inside a DigestInfo, or an error if it is not one. */
export function decodeSha256DigestInfo(digestInfo: BufferSource): Bytes {
  const bytes = toBytes(digestInfo);
  const prefix = bytes.subarray(0, SHA256_DIGEST_INFO_PREFIX.length);
  if (bytes.length !== SHA256_DIGEST_INFO_PREFIX.length + 32 || !bytesEqual(prefix, SHA256_DIGEST_INFO_PREFIX)) {
    throw new JpkiError("INVALID_ARGUMENT", "not a SHA-256 DigestInfo");
  }
  return bytes.slice(SHA256_DIGEST_INFO_PREFIX.length);
}

export async function sha256DigestInfoOf(data: BufferSource): Promise<Bytes> {
  return encodeSha256DigestInfo(await sha256(data));
}
