/**
 * HTTP Basic credentials (RFC 7617) and client secrets, stored only as scrypt hashes
 * ("scrypt$<salt>$<hash>", base64url) and compared in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

/** The user and password of an `Authorization: Basic …` header, or undefined when it is not one. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** An operator credential: `user` (default `admin`) with `password`, the password compared in constant time. */
export function isAdminCredential(header: string | undefined, password: string, user = "admin"): boolean {
  const credentials = basicCredentials(header);
  const given = Buffer.from(credentials?.password ?? "");
  const expected = Buffer.from(password);
  return credentials?.user === user && given.length === expected.length && timingSafeEqual(given, expected);
}

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
  // An empty hash would compare equal to anything.
  if (expected.length === 0) return false;
  const actual = await scrypt(secret, Buffer.from(salt, "base64url"), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A new random secret (URL-safe, 256 bits). */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}
