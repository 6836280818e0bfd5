/**
 * Client secrets: stored only as scrypt hashes ("scrypt$<salt>$<hash>", base64url), compared in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A new random client secret (URL-safe, 256 bits). */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What a registered client may do. */
export const SCOPES = {
  /** Municipal counter: register residents, issue cards, report life events. */
  counter: "counter",
  /** Linkage 1 (Act art. 18(5)): S serial → current R serial. */
  linkageUserAuth: "linkage:user-auth",
  /** Linkage 2 (art. 18(4)): old S → current S. */
  linkageSigning: "linkage:signing",
  /** Linkage 3: latest four attributes with the holder's consent. */
  linkageAttributes: "linkage:attributes",
} as const;

export const VERIFIER_SCOPES = [SCOPES.linkageUserAuth, SCOPES.linkageSigning, SCOPES.linkageAttributes] as const;
export type VerifierScope = (typeof VERIFIER_SCOPES)[number];
