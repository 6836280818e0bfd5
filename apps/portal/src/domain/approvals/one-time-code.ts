/**
 * The one-time code the browser carries back to the bank (as in OAuth 2.0's authorization code, RFC 6749
 * §4.1.2): 32 random bytes, base64url. Only its SHA-256 is stored, so a database dump redeems nothing.
 */
import { createHash, randomBytes } from "node:crypto";

export function newOneTimeCode(): { code: string; codeHash: string } {
  const code = randomBytes(32).toString("base64url");
  return { code, codeHash: hashOneTimeCode(code) };
}

export function hashOneTimeCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Request ids appear in URLs; 16 random bytes cannot be guessed. */
export function newRequestId(): string {
  return randomBytes(16).toString("base64url");
}
