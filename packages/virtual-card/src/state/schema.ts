/**
 * The shape of a card at rest (CardState), validated with zod on import. JSON-serialisable as it is, for the
 * portal's PostgreSQL `jsonb` column. Versioned by `format`; a later format gets a new literal and a migration.
 */
import { z } from "zod";

export const CARD_STATE_FORMAT = "jpki-sandbox/virtual-card@1";

const base64 = z.base64().min(1);

const scryptParameters = z.strictObject({
  algorithm: z.literal("scrypt"),
  // Bounded so that a hostile state cannot make VERIFY allocate gigabytes.
  N: z.int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, "N must be a power of two"),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
});

const pinState = z.strictObject({
  kdf: scryptParameters,
  salt: base64,
  hash: base64,
  triesLeft: z.int().min(0).max(15),
});

const keyState = z.strictObject({
  /** DER SubjectPublicKeyInfo, base64 (public). */
  spki: base64,
  /** PKCS#8 DER of the private key, AES-256-GCM under a key derived from the KEK; AAD binds cardId and slot. */
  encryptedPrivateKey: z.strictObject({
    algorithm: z.literal("A256GCM"),
    iv: base64,
    ciphertext: base64,
    tag: base64,
  }),
});

const traceEntry = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  command: z.string().max(4096),
  response: z.string().max(4096),
  description: z.string().max(512),
  status: z.string().max(256),
});

/** Certificate EFs by file identifier (upper-case hex), base64 DER; absent when not personalised. */
const files = z.strictObject({
  "000A": base64.optional(),
  "000B": base64.optional(),
  "0001": base64.optional(),
  "0002": base64.optional(),
});

export const cardStateSchema = z.strictObject({
  format: z.literal(CARD_STATE_FORMAT),
  cardId: z.string().min(1).max(128),
  files,
  pins: z.strictObject({ userAuth: pinState.optional(), signing: pinState.optional() }),
  keys: z.strictObject({ userAuth: keyState.optional(), signing: keyState.optional() }),
  trace: z.array(traceEntry).max(10_000),
  /** HMAC-SHA256 under a key derived from the KEK over everything else (canonical JSON): tamper evidence. */
  mac: base64,
});

export type CardState = z.infer<typeof cardStateSchema>;
export type PinState = z.infer<typeof pinState>;
export type KeyState = z.infer<typeof keyState>;
