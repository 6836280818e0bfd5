/**
 * The bank's match of the application against the S certificate's four attributes (JPKI.md "The flow": after
 * ⑥). People type full-width and half-width digits, spaces and hyphens interchangeably, so both sides are
 * normalised first: Unicode NFKC (full-width ASCII → ASCII, U+3000 → space), every hyphen/dash/minus → "-",
 * and whitespace removed. Characters the certificate carries as substitutes (JPKI.md "substitute positions":
 * outside JIS levels 1–2) match any one character the customer typed. Kanji numerals are not converted
 * (二丁目 ≠ 2丁目): the register spells the address one way, and so must the application. A certificate whose
 * date of birth is unknown (era 0) cannot be matched by a typed date, so it is refused.
 */
import type { ApplicationInput } from "../../shared/api-types.js";
import { BankError } from "../errors.js";

export type AttributeField = "name" | "dateOfBirth" | "sex" | "address";

/** The four attributes as decoded from the certificate (jpki-core FourAttributes). */
export interface CertificateAttributes {
  name: string;
  dateOfBirth: string | null;
  sex: "male" | "female" | "unspecified";
  address: string;
  nameSubstitutePositions?: string;
  addressSubstitutePositions?: string;
}

const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/** One character of the certificate's text as compared (it has no half-width kana: JIS X 0208 has none). */
function normaliseChar(char: string): string {
  return char.normalize("NFKC").replace(DASHES, "-").replace(/\s+/gu, "");
}

/** A whole text as compared. NFKC over the whole string, so half-width kana with ﾞ/ﾟ compose (ｶﾞ → ガ). */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(DASHES, "-").replace(/\s+/gu, "");
}

/** Whether `typed` matches the certificate's `certified` text, with substitutes as one-character wildcards. */
export function textMatches(typed: string, certified: string, substitutePositions = ""): boolean {
  const want = [...normaliseText(typed)];
  const pattern: Array<string | null> = [];
  [...certified].forEach((char, index) => {
    if (substitutePositions[index] === "1") pattern.push(null);
    else pattern.push(...normaliseChar(char));
  });
  return want.length === pattern.length && pattern.every((char, index) => char === null || char === want[index]);
}

/** The fields that differ (empty when everything matches). */
export function mismatchedFields(form: ApplicationInput, certified: CertificateAttributes): AttributeField[] {
  const fields: AttributeField[] = [];
  if (!textMatches(form.name, certified.name, certified.nameSubstitutePositions)) fields.push("name");
  if (form.dateOfBirth !== certified.dateOfBirth) fields.push("dateOfBirth");
  if (form.sex !== certified.sex) fields.push("sex");
  if (!textMatches(form.address, certified.address, certified.addressSubstitutePositions)) fields.push("address");
  return fields;
}

const FIELD_WORDS: Record<AttributeField, string> = { name: "name (氏名)", dateOfBirth: "date of birth (生年月日)", sex: "sex (性別)", address: "address (住所)" };

/** Throws ATTRIBUTES_MISMATCH naming the fields that differ. */
export function assertAttributesMatch(form: ApplicationInput, certified: CertificateAttributes): void {
  const fields = mismatchedFields(form, certified);
  if (fields.length > 0) {
    throw new BankError("ATTRIBUTES_MISMATCH", `the application differs from the certificate in: ${fields.map((f) => FIELD_WORDS[f]).join(", ")}`, {
      details: { fields },
    });
  }
}
