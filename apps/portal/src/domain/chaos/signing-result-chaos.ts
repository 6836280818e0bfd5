/**
 * A chaos knob for relying parties' tests: the portal hands back a signing result that was altered after the
 * card signed, as a man in the middle would. `tamper` changes one byte of the signed document inside the CMS
 * SignedData (`sign`) or of the signature (`auth`); a bank that checks what it receives must refuse both
 * (the signature no longer verifies). The stored result is never changed: only what `redeem` answers.
 * Settings live in this process (a test knob, set at start from JPKI_PORTAL_CHAOS_SIGNING_RESULT or at run
 * time through PUT /admin/api/chaos).
 */
import { base64ToBytes, bytesToBase64, type Bytes } from "@jpki-sandbox/jpki-core";
import { z } from "zod";
import type { SigningResult } from "../../shared/api-types.js";

export const SIGNING_RESULT_CHAOS = ["off", "tamper"] as const;
export type SigningResultChaos = (typeof SIGNING_RESULT_CHAOS)[number];

export const portalChaosSchema = z.object({ signingResult: z.enum(SIGNING_RESULT_CHAOS) }).strict();
export type PortalChaos = z.infer<typeof portalChaosSchema>;

/** The portal's chaos settings, read on every redeem. */
export class PortalChaosSettings {
  private current: PortalChaos;

  constructor(initial: PortalChaos = { signingResult: "off" }) {
    this.current = { ...initial };
  }

  get(): PortalChaos {
    return { ...this.current };
  }

  set(next: PortalChaos): PortalChaos {
    this.current = { ...next };
    return this.get();
  }

  /** The result as the bank receives it under the current settings. */
  apply(result: SigningResult, document: Uint8Array): SigningResult {
    if (this.current.signingResult === "off") return result;
    return tamperSigningResult(result, document);
  }
}

/** One byte of the signed document (inside the SignedData) or of the signature changed. */
export function tamperSigningResult(result: SigningResult, document: Uint8Array): SigningResult {
  if (result.kind === "auth") return { ...result, signature: bytesToBase64(flipLastByte(base64ToBytes(result.signature))) };
  const signedData = base64ToBytes(result.signedData);
  const at = indexOf(signedData, document);
  // The encapsulated content is one DER OCTET STRING holding exactly the document; with an empty document
  // there is nothing to change in it, so the signature (the SignedData's last bytes) is changed instead.
  const tampered = document.length > 0 && at >= 0 ? flipByteAt(signedData, at + document.length - 1) : flipLastByte(signedData);
  return { ...result, signedData: bytesToBase64(tampered) };
}

function flipLastByte(bytes: Uint8Array): Bytes {
  return flipByteAt(bytes, bytes.length - 1);
}

function flipByteAt(bytes: Uint8Array, index: number): Bytes {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

/** The first index of `needle` in `haystack`, or -1. */
function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
