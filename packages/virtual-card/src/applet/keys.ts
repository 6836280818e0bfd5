/**
 * The on-card RSA keys (JPKI.md: RSA-2048, e = 65537), generated inside the card with node:crypto. The private
 * key never leaves this module except encrypted (state/key-wrap.ts); signing is the raw PKCS#1 v1.5 type-1
 * operation over a DigestInfo, as COMPUTE DIGITAL SIGNATURE does (RFC 8017 §9.2 steps 3–5 + RSASP1).
 */
import type { Bytes } from "../bytes.js";
import { constants, createPublicKey, generateKeyPair, privateEncrypt, type KeyObject } from "node:crypto";
import { CardError } from "../errors.js";

export const RSA_MODULUS_BITS = 2048;
export const RSA_PUBLIC_EXPONENT = 65537;
/** k, the modulus length in bytes: every signature is this long. */
export const SIGNATURE_LENGTH = RSA_MODULUS_BITS / 8;
/** The longest DigestInfo PKCS#1 v1.5 can pad into k bytes (8 bytes of 0xFF at least, RFC 8017 §9.2). */
export const MAX_DIGEST_INFO_LENGTH = SIGNATURE_LENGTH - 11;

export interface CardKey {
  privateKey: KeyObject;
  /** DER SubjectPublicKeyInfo of the public half. */
  spki: Bytes;
}

export function spkiOf(privateKey: KeyObject): Bytes {
  return new Uint8Array(createPublicKey(privateKey).export({ type: "spki", format: "der" }));
}

export function generateCardKey(): Promise<CardKey> {
  return new Promise((resolve, reject) => {
    generateKeyPair("rsa", { modulusLength: RSA_MODULUS_BITS, publicExponent: RSA_PUBLIC_EXPONENT }, (error, _pub, privateKey) =>
      error ? reject(error) : resolve({ privateKey, spki: spkiOf(privateKey) }),
    );
  });
}

/** Wraps a private key object that came out of the state (checks the JPKI key profile). */
export function cardKeyFrom(privateKey: KeyObject): CardKey {
  const details = privateKey.asymmetricKeyDetails;
  if (
    privateKey.asymmetricKeyType !== "rsa" ||
    details?.modulusLength !== RSA_MODULUS_BITS ||
    details.publicExponent !== BigInt(RSA_PUBLIC_EXPONENT)
  ) {
    throw new CardError("STATE_MALFORMED", "a card key must be RSA-2048 with e = 65537");
  }
  return { privateKey, spki: spkiOf(privateKey) };
}

/** EMSA-PKCS1-v1_5 padding (type 1) of `digestInfo` and RSASP1: the 256-byte signature. */
export function signDigestInfo(key: CardKey, digestInfo: Uint8Array): Bytes {
  if (digestInfo.length === 0 || digestInfo.length > MAX_DIGEST_INFO_LENGTH) {
    throw new CardError("WRONG_LENGTH", `a DigestInfo of 1–${MAX_DIGEST_INFO_LENGTH} bytes is needed`);
  }
  return new Uint8Array(privateEncrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
}
