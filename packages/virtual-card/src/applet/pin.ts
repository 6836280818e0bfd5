/**
 * A PIN as the card keeps it: a salted scrypt hash and a retry counter, never the PIN itself.
 *
 * Cost: scrypt N = 2^12, r = 8, p = 1 (4 MiB, a few ms), modest so tests and the portal stay fast. The
 * parameters are stored with each hash, so a later version may raise them. A 4-digit R PIN is still easy to
 * brute-force from the hash alone: the exported state must be kept as secret as the KEK's data.
 */
import type { Bytes } from "../bytes.js";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { PIN_RULES } from "./pin-rules.js";
import type { Slot } from "./files.js";

export interface ScryptParameters {
  algorithm: "scrypt";
  N: number;
  r: number;
  p: number;
}

export const PIN_KDF: ScryptParameters = { algorithm: "scrypt", N: 2 ** 12, r: 8, p: 1 };
const HASH_LENGTH = 32;
const SALT_LENGTH = 16;

export interface PinRecord {
  kdf: ScryptParameters;
  salt: Bytes;
  hash: Bytes;
  triesLeft: number;
}

function hashPin(pin: Uint8Array, salt: Uint8Array, kdf: ScryptParameters): Promise<Bytes> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, HASH_LENGTH, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });
}

/** A fresh record for `pin` (already checked against the slot's rule) with the counter at its maximum. */
export async function createPinRecord(slot: Slot, pin: Uint8Array): Promise<PinRecord> {
  const salt = new Uint8Array(randomBytes(SALT_LENGTH));
  return { kdf: PIN_KDF, salt, hash: await hashPin(pin, salt, PIN_KDF), triesLeft: PIN_RULES[slot].maxTries };
}

export async function pinMatches(record: PinRecord, candidate: Uint8Array): Promise<boolean> {
  const hash = await hashPin(candidate, record.salt, record.kdf);
  return hash.length === record.hash.length && timingSafeEqual(hash, record.hash);
}
