/**
 * Who a sandbox citizen is (JPKI.md "Personas"): 花子 (jpki-core's HANAKO, the seed every part of the sandbox
 * agrees on), a synthetic resident from the portal's generator (plausible names and addresses in real
 * municipalities with their JIS X 0402 codes — never a real person), or a persona of the caller's own.
 * And the PINs a card gets unless told otherwise: TEST ONLY values.
 */
import { HANAKO, isEligibleForSigningCertificate, parsePersona, type Persona } from "@jpki-sandbox/jpki-core";
import type { CardPins } from "./card/card.js";

export { HANAKO };

/** R PIN (利用者証明用パスワード) of every sandbox card unless given: 4 digits. */
export const DEFAULT_USER_AUTH_PIN = "1234";
/** S PIN (署名用パスワード) of 花子's cards unless given (her birth year and …10, as the apps' tests use). */
export const HANAKO_SIGNING_PIN = "HANAKO2010";
/** S PIN of every other sandbox card unless given (packages/cli's default). */
export const DEFAULT_SIGNING_PIN = "SANDBOX1";

export const HANAKO_PINS: Readonly<Required<CardPins>> = Object.freeze({ userAuth: DEFAULT_USER_AUTH_PIN, signing: HANAKO_SIGNING_PIN });

/** "hanako", "random" (a fresh synthetic resident), or a persona. */
export type PersonaChoice = "hanako" | "random" | Persona;

/** The default PINs for a persona: 花子's, or the sandbox's. */
export function defaultPins(persona: Persona): Required<CardPins> {
  return { userAuth: DEFAULT_USER_AUTH_PIN, signing: persona.id === HANAKO.id ? HANAKO_SIGNING_PIN : DEFAULT_SIGNING_PIN };
}

/**
 * The persona as the counter should register it. A synthetic resident may be under 15 at sandbox time; unless
 * the caller said otherwise, ask for an S certificate for them too, so every default citizen can sign.
 */
export function withSigningRequest(persona: Persona, now: Date, requestSigningCertificate: boolean | undefined): Persona {
  const parsed = parsePersona(persona);
  if (requestSigningCertificate !== undefined) return { ...parsed, requestSigningCertificate };
  if (isEligibleForSigningCertificate(parsed.dateOfBirth, now, false)) return parsed;
  return { ...parsed, requestSigningCertificate: true };
}
