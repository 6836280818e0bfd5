/**
 * CardMemory ⇄ CardState. Only what the card keeps across power cycles is written: certificates, PIN hashes
 * with their counters, the keys (encrypted) and the trace. Security status never is, so a restored card starts
 * unauthenticated.
 */
import { createPrivateKey } from "node:crypto";
import { SLOT_FILES, SLOTS, formatFid, type Slot } from "../applet/files.js";
import { cardKeyFrom } from "../applet/keys.js";
import { blankMemory, type CardMemory } from "../applet/memory.js";
import { PIN_RULES } from "../applet/pin-rules.js";
import { TraceLog } from "../applet/trace.js";
import { bytesEqual, fromBase64, toBase64 } from "../bytes.js";
import { CardError } from "../errors.js";
import { assertStateMac, deriveStateKeys, stateMac, unwrapPrivateKey, wrapPrivateKey } from "./protection.js";
import { CARD_STATE_FORMAT, cardStateSchema, type CardState } from "./schema.js";

type FileKey = keyof CardState["files"];

function fileKey(slot: Slot, which: "certificate" | "caCertificate"): FileKey {
  return formatFid(SLOT_FILES[slot][which]) as FileKey;
}

export function exportCardState(memory: CardMemory, kek: Uint8Array): CardState {
  const keys = deriveStateKeys(kek);
  const unsigned: Omit<CardState, "mac"> = {
    format: CARD_STATE_FORMAT,
    cardId: memory.cardId,
    files: {},
    pins: {},
    keys: {},
    trace: memory.trace.entries(),
  };
  for (const slot of SLOTS) {
    const { key, certificate, caCertificate, pin } = memory.slots[slot];
    if (certificate) unsigned.files[fileKey(slot, "certificate")] = toBase64(certificate);
    if (caCertificate) unsigned.files[fileKey(slot, "caCertificate")] = toBase64(caCertificate);
    if (pin) {
      unsigned.pins[slot] = {
        kdf: { ...pin.kdf },
        salt: toBase64(pin.salt),
        hash: toBase64(pin.hash),
        triesLeft: pin.triesLeft,
      };
    }
    if (key) {
      const pkcs8 = new Uint8Array(key.privateKey.export({ type: "pkcs8", format: "der" }));
      unsigned.keys[slot] = {
        spki: toBase64(key.spki),
        encryptedPrivateKey: wrapPrivateKey(keys, memory.cardId, slot, pkcs8),
      };
      pkcs8.fill(0);
    }
  }
  return { ...unsigned, mac: stateMac(keys, unsigned) };
}

function malformed(message: string, cause?: unknown): CardError {
  return new CardError("STATE_MALFORMED", `card state: ${message}`, cause === undefined ? {} : { cause });
}

export function restoreCardMemory(input: unknown, kek: Uint8Array): CardMemory {
  const parsed = cardStateSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw malformed(`${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}`, parsed.error);
  }
  const state = parsed.data;
  const keys = deriveStateKeys(kek);
  const { mac, ...unsigned } = state;
  assertStateMac(keys, unsigned, mac);

  const memory = blankMemory(state.cardId, new TraceLog(state.trace));
  for (const slot of SLOTS) {
    const target = memory.slots[slot];
    const certificate = state.files[fileKey(slot, "certificate")];
    const caCertificate = state.files[fileKey(slot, "caCertificate")];
    if (certificate) target.certificate = fromBase64(certificate);
    if (caCertificate) target.caCertificate = fromBase64(caCertificate);

    const pin = state.pins[slot];
    if (pin) {
      if (pin.triesLeft > PIN_RULES[slot].maxTries) throw malformed(`pins.${slot}.triesLeft above the maximum`);
      target.pin = { kdf: { ...pin.kdf }, salt: fromBase64(pin.salt), hash: fromBase64(pin.hash), triesLeft: pin.triesLeft };
    }

    const key = state.keys[slot];
    if (key) {
      const pkcs8 = unwrapPrivateKey(keys, state.cardId, slot, key.encryptedPrivateKey);
      let privateKey;
      try {
        privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: "der", type: "pkcs8" });
      } catch (cause) {
        throw malformed(`keys.${slot} is not a PKCS#8 private key`, cause);
      } finally {
        pkcs8.fill(0);
      }
      target.key = cardKeyFrom(privateKey);
      if (!bytesEqual(target.key.spki, fromBase64(key.spki))) throw malformed(`keys.${slot}.spki is not the key's`);
    }
  }
  return memory;
}
