/**
 * The two card PINs as the citizen sees them (JPKI.md "The two certificates", "The card"):
 * 利用者証明用パスワード (R PIN): exactly 4 digits, 3 tries;
 * 署名用パスワード (S PIN): 6–16 characters, digits and upper-case letters A–Z, 5 tries.
 * The rule itself and the tries are the card's (virtual-card's PIN_RULES, which its issuer and reader
 * enforce); this adds the bilingual names, the hints and a check list that says which part of the rule a
 * typed PIN misses, so a PIN that can never be right is not sent (a wrong one costs a try).
 */
import { PIN_RULES as CARD_PIN_RULES, isValidPin as cardAcceptsPin } from "@jpki-sandbox/virtual-card/pin-rules";
import type { PinKind } from "../../shared/api-types";

export interface PinRule {
  kind: PinKind;
  ja: string;
  en: string;
  /** The certificate whose key the PIN unlocks. */
  certificate: "S" | "R";
  minLength: number;
  maxLength: number;
  /** Wrong tries before the card blocks the PIN (the card's own count). */
  maxTries: number;
  /** The rule in one line, for the hint under the field. */
  hint: { ja: string; en: string };
}

export const PIN_RULES: Record<PinKind, PinRule> = {
  userAuth: {
    kind: "userAuth",
    ja: "利用者証明用パスワード",
    en: "User-authentication PIN (R)",
    certificate: "R",
    minLength: 4,
    maxLength: 4,
    maxTries: CARD_PIN_RULES.userAuth.maxTries,
    hint: {
      ja: `数字4桁・${CARD_PIN_RULES.userAuth.maxTries}回間違えるとロック`,
      en: `exactly 4 digits; locked after ${CARD_PIN_RULES.userAuth.maxTries} wrong tries`,
    },
  },
  signing: {
    kind: "signing",
    ja: "署名用パスワード",
    en: "Signing PIN (S)",
    certificate: "S",
    minLength: 6,
    maxLength: 16,
    maxTries: CARD_PIN_RULES.signing.maxTries,
    hint: {
      ja: `6〜16文字の半角数字・英大文字(A–Z)・${CARD_PIN_RULES.signing.maxTries}回間違えるとロック`,
      en: `6–16 digits or upper-case letters A–Z; locked after ${CARD_PIN_RULES.signing.maxTries} wrong tries`,
    },
  },
};

export type PinCheckId = "length" | "charset" | "match";

export interface PinCheck {
  id: PinCheckId;
  ok: boolean;
  ja: string;
  en: string;
}

const DIGITS = /^[0-9]*$/;
const DIGITS_UPPER = /^[0-9A-Z]*$/;

/** Why a character set check failed, in the citizen's terms (a lower-case letter, a full-width digit…). */
function charsetFailure(kind: PinKind, value: string): { ja: string; en: string } | null {
  const allowed = kind === "userAuth" ? DIGITS : DIGITS_UPPER;
  if (allowed.test(value)) return null;
  if (/[０-９Ａ-Ｚａ-ｚ]/.test(value)) return { ja: "全角文字は使えません（半角で）", en: "full-width characters are not allowed (use half-width)" };
  if (kind === "signing" && /[a-z]/.test(value)) return { ja: "英小文字は使えません（大文字で）", en: "lower-case letters are not allowed (use A–Z)" };
  if (kind === "userAuth" && /[A-Za-z]/.test(value)) return { ja: "数字のみ", en: "digits only" };
  return { ja: "使えない文字が含まれています", en: "contains characters that are not allowed" };
}

/** The rule checks for a PIN as typed so far, each passed or not, for the list under the field. */
export function pinChecks(kind: PinKind, value: string): PinCheck[] {
  const rule = PIN_RULES[kind];
  const lengthOk = value.length >= rule.minLength && value.length <= rule.maxLength;
  const length: PinCheck =
    rule.minLength === rule.maxLength
      ? { id: "length", ok: lengthOk, ja: `${rule.minLength}桁`, en: `exactly ${rule.minLength} characters` }
      : { id: "length", ok: lengthOk, ja: `${rule.minLength}〜${rule.maxLength}文字`, en: `${rule.minLength}–${rule.maxLength} characters` };
  if (value.length > 0) {
    length.ja += `（いま${value.length}）`;
    length.en += ` (now ${value.length})`;
  }
  const failure = charsetFailure(kind, value);
  const charset: PinCheck =
    failure === null
      ? kind === "userAuth"
        ? { id: "charset", ok: value.length > 0, ja: "半角数字のみ", en: "digits only" }
        : { id: "charset", ok: value.length > 0, ja: "半角数字と英大文字(A–Z)のみ", en: "digits and upper-case letters A–Z only" }
      : { id: "charset", ok: false, ...failure };
  return [length, charset];
}

/** Whether a PIN meets its rule: the card's own check (the list above only explains it). */
export function isValidPin(kind: PinKind, value: string): boolean {
  return cardAcceptsPin(kind, value);
}

export interface NewPinState {
  checks: PinCheck[];
  /** The PIN meets its rule. */
  valid: boolean;
  /** The confirmation was typed and equals the PIN. */
  confirmed: boolean;
  /** Something was typed in the confirmation that does not (yet) match. */
  mismatch: boolean;
  /** Ready to send. */
  ok: boolean;
}

/** A new PIN and its confirmation (issuance, renewal, PIN reset): rule checks plus the match. */
export function newPinState(kind: PinKind, pin: string, confirm: string): NewPinState {
  const checks = pinChecks(kind, pin);
  const valid = isValidPin(kind, pin);
  const confirmed = confirm.length > 0 && confirm === pin;
  const mismatch = confirm.length > 0 && confirm !== pin;
  return {
    checks: [...checks, { id: "match", ok: confirmed, ja: "確認用と一致", en: "confirmation matches" }],
    valid,
    confirmed,
    mismatch,
    ok: valid && confirmed,
  };
}

/** "残り 2 / 3 回" — tries left of max, for badges and warnings. */
export function triesText(triesLeft: number, maxTries: number): string {
  return `残り ${triesLeft} / ${maxTries} 回 / ${triesLeft} of ${maxTries} tries left`;
}
