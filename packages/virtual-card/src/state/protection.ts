/**
 * How the state is protected at rest under the portal's 32-byte key-encryption key (KEK): two subkeys are
 * derived with HKDF-SHA256 (RFC 5869), one to wrap each private key (AES-256-GCM, NIST SP 800-38D, fresh
 * 96-bit IV, AAD = format, cardId and slot, so a key cannot be moved to another card or slot), one for an
 * HMAC-SHA256 over the whole state (so PIN counters or certificates edited in the database are refused).
 */
import type { Bytes } from "../bytes.js";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { CardError } from "../errors.js";
import type { Slot } from "../applet/files.js";
import { fromBase64, toBase64 } from "../bytes.js";
import { CARD_STATE_FORMAT, type KeyState } from "./schema.js";

export const KEK_LENGTH = 32;

export interface StateKeys {
  wrap: Buffer;
  mac: Buffer;
}

export function deriveStateKeys(kek: Uint8Array): StateKeys {
  if (!(kek instanceof Uint8Array) || kek.length !== KEK_LENGTH) {
    throw new CardError("INVALID_ARGUMENT", `the key-encryption key must be ${KEK_LENGTH} bytes`);
  }
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", kek, new Uint8Array(0), `${CARD_STATE_FORMAT} ${purpose}`, 32));
  return { wrap: derive("private key wrap"), mac: derive("state mac") };
}

function aad(cardId: string, slot: Slot): Buffer {
  return Buffer.from(`${CARD_STATE_FORMAT}\0${cardId}\0${slot}`, "utf8");
}

export function wrapPrivateKey(
  keys: StateKeys,
  cardId: string,
  slot: Slot,
  pkcs8: Uint8Array,
): KeyState["encryptedPrivateKey"] {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.wrap, iv);
  cipher.setAAD(aad(cardId, slot));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return { algorithm: "A256GCM", iv: toBase64(iv), ciphertext: toBase64(ciphertext), tag: toBase64(cipher.getAuthTag()) };
}

export function unwrapPrivateKey(
  keys: StateKeys,
  cardId: string,
  slot: Slot,
  wrapped: KeyState["encryptedPrivateKey"],
): Bytes {
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.wrap, fromBase64(wrapped.iv));
    decipher.setAAD(aad(cardId, slot));
    decipher.setAuthTag(fromBase64(wrapped.tag));
    return new Uint8Array(Buffer.concat([decipher.update(fromBase64(wrapped.ciphertext)), decipher.final()]));
  } catch (cause) {
    throw new CardError("STATE_DECRYPTION_FAILED", `the ${slot} private key does not decrypt under this KEK`, { cause });
  }
}

/** JSON with object keys sorted at every level: the bytes the MAC covers, whatever order the database kept. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function stateMac(keys: StateKeys, unsigned: object): string {
  return createHmac("sha256", keys.mac).update(canonicalJson(unsigned), "utf8").digest("base64");
}

export function assertStateMac(keys: StateKeys, unsigned: object, mac: string): void {
  const expected = Buffer.from(stateMac(keys, unsigned), "base64");
  const given = Buffer.from(mac, "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CardError("STATE_DECRYPTION_FAILED", "the card state does not authenticate under this KEK (wrong KEK, or tampered)");
  }
}
