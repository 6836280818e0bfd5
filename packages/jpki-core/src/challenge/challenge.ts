/**
 * Challenge–response with the user-authentication (R) certificate: steps ①'–④' of the login flow (JPKI.md
 * "The flow"). The bank sends a fresh random challenge, the card signs it with the R key, the bank checks the
 * signature and learns from the R serial which customer this is.
 *
 * What the card signs (a sandbox choice, documented): the 32 nonce bytes, exactly. The signing side hashes them
 * with SHA-256, wraps the digest in a DigestInfo (`challengeDigestInfo`) and the card's COMPUTE DIGITAL
 * SIGNATURE returns the RSA PKCS#1 v1.5 signature — which is therefore the ordinary RSASSA-PKCS1-v1_5/SHA-256
 * signature of the nonce (WebCrypto `verify` over the nonce checks it). This is how JPKI client software
 * answers a relying party's random data; the challenge id and times are not signed: they only find the
 * stored challenge, and the nonce is single use (store.ts).
 */
import { getCrypto } from "../crypto/provider.js";
import { sha256DigestInfoOf } from "../crypto/digest-info.js";
import { invokeSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { base64ToBytes, bytesToBase64, type Bytes } from "../encoding/pem.js";
import { JpkiError } from "../errors.js";

/** 5 minutes: long enough for a PIN entry, short enough that a stolen challenge soon goes stale. */
export const DEFAULT_CHALLENGE_TTL_SECONDS = 300;
export const CHALLENGE_NONCE_LENGTH = 32;
const CHALLENGE_ID_LENGTH = 16; // random bytes → 22 base64url characters

/** Challenge ids: URL-safe base64 without padding (RFC 4648 §5), as createChallenge makes them. */
export const CHALLENGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export interface Challenge {
  /** Random, URL-safe; names the challenge in the store and on the wire. */
  id: string;
  /** 32 random bytes: what the card signs. */
  nonce: Bytes;
  issuedAt: Date;
  /** The challenge is usable while now < expiresAt. */
  expiresAt: Date;
}

export interface CreateChallengeOptions {
  ttlSeconds?: number;
  now?: Date;
}

export function createChallenge(options: CreateChallengeOptions = {}): Challenge {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_CHALLENGE_TTL_SECONDS;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new JpkiError("INVALID_ARGUMENT", "ttlSeconds must be a positive number");
  }
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new JpkiError("INVALID_ARGUMENT", "now is not a valid date");
  const random = getCrypto();
  return {
    id: bytesToBase64Url(random.getRandomValues(new Uint8Array(CHALLENGE_ID_LENGTH))),
    nonce: random.getRandomValues(new Uint8Array(CHALLENGE_NONCE_LENGTH)),
    issuedAt: new Date(now.getTime()),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
  };
}

/** The exact bytes the card's signature covers: the nonce (see the module comment). */
export function challengeSignedBytes(challenge: Pick<Challenge, "nonce">): Bytes {
  return new Uint8Array(challenge.nonce);
}

/** The DigestInfo sent to the card (COMPUTE DIGITAL SIGNATURE `80 2A 00 80 <DigestInfo>`, JPKI.md "The card"). */
export function challengeDigestInfo(challenge: Pick<Challenge, "nonce">): Promise<Bytes> {
  return sha256DigestInfoOf(challengeSignedBytes(challenge));
}

/** The response to a challenge: PKCS#1 v1.5 over SHA-256 of the nonce, made by the card (or a software signer). */
export async function signChallenge(challenge: Pick<Challenge, "nonce">, signer: DigestInfoSigner): Promise<Bytes> {
  return invokeSigner(signer, await challengeDigestInfo(challenge));
}

/** A challenge as JSON for the wire (bank → browser/card reader): nonce in base64url, times in ISO 8601. */
export interface ChallengeJson {
  id: string;
  nonce: string;
  issuedAt: string;
  expiresAt: string;
}

export function challengeToJson(challenge: Challenge): ChallengeJson {
  return {
    id: challenge.id,
    nonce: bytesToBase64Url(challenge.nonce),
    issuedAt: challenge.issuedAt.toISOString(),
    expiresAt: challenge.expiresAt.toISOString(),
  };
}

/** Reads ChallengeJson back; anything else is CHALLENGE_MALFORMED. */
export function challengeFromJson(json: unknown): Challenge {
  const value = json as Partial<Record<keyof ChallengeJson, unknown>> | null;
  if (typeof value !== "object" || value === null) throw malformed("a challenge is a JSON object");
  const { id, nonce, issuedAt, expiresAt } = value;
  if (typeof id !== "string" || !CHALLENGE_ID_PATTERN.test(id)) throw malformed("challenge id is not URL-safe base64");
  if (typeof nonce !== "string" || !/^[A-Za-z0-9_-]+$/.test(nonce)) throw malformed("nonce is not base64url");
  const nonceBytes = base64UrlToBytes(nonce);
  if (nonceBytes.length !== CHALLENGE_NONCE_LENGTH) throw malformed(`nonce is not ${CHALLENGE_NONCE_LENGTH} bytes`);
  return {
    id,
    nonce: nonceBytes,
    issuedAt: parseDate(issuedAt, "issuedAt"),
    expiresAt: parseDate(expiresAt, "expiresAt"),
  };
}

function parseDate(value: unknown, name: string): Date {
  const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw malformed(`${name} is not an ISO 8601 time`);
  return date;
}

function malformed(message: string): JpkiError {
  return new JpkiError("CHALLENGE_MALFORMED", message);
}

function bytesToBase64Url(bytes: BufferSource): string {
  return bytesToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlToBytes(text: string): Bytes {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return base64ToBytes(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  } catch (cause) {
    throw new JpkiError("CHALLENGE_MALFORMED", "not base64url", { cause });
  }
}
