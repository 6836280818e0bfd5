/**
 * The resident's record as the municipal counter types it (JPKI.md "Personas"): the fields, their checks,
 * and whether the card will carry a signing certificate (JPKI.md: S is issued from age 15, under 15 only on
 * request). The server has the last word; these checks tell the citizen before a 1–2 s issuance round trip.
 */
import { isCalendarDate } from "@jpki-sandbox/web-kit";
import type { Persona } from "../../shared/api-types";
import { ageAt } from "./format";

/** The full-width space (U+3000) between family and given name, as on the resident register. */
export const IDEOGRAPHIC_SPACE = "\u3000";

/** Age from which an S certificate is issued without a request (JPKI.md "The two certificates"). */
export const SIGNING_CERTIFICATE_AGE = 15;

export type PersonaField = Exclude<keyof Persona, "id" | "requestSigningCertificate">;
export type AddressField = "address" | "prefecture" | "city" | "prefectureRomaji" | "cityRomaji" | "localGovernmentCode";

export const ADDRESS_FIELDS: readonly AddressField[] = ["address", "prefecture", "city", "prefectureRomaji", "cityRomaji", "localGovernmentCode"];

export const FIELD_LABELS: Record<PersonaField, { ja: string; en: string; help?: string }> = {
  name: { ja: "氏名", en: "Name", help: "氏と名の間は全角スペース / family name, full-width space (U+3000), given name" },
  sex: { ja: "性別", en: "Sex" },
  dateOfBirth: { ja: "生年月日", en: "Date of birth" },
  address: { ja: "住所", en: "Address", help: "都道府県から・郵便番号なし・200文字まで / from the prefecture on, no postal code, ≤ 200 characters" },
  prefecture: { ja: "都道府県", en: "Prefecture", help: "例 / e.g. 東京都" },
  city: { ja: "市区町村", en: "City", help: "例 / e.g. 千代田区" },
  prefectureRomaji: { ja: "都道府県（ローマ字）", en: "Prefecture (romaji)", help: "証明書の主体者に入ります / goes into the S subject, e.g. Tokyo-to" },
  cityRomaji: { ja: "市区町村（ローマ字）", en: "City (romaji)", help: "例 / e.g. Chiyoda-ku" },
  localGovernmentCode: { ja: "地方公共団体コード", en: "Local government code", help: "6桁 / 6 digits, e.g. 131016" },
};

export function emptyPersona(id: string): Persona {
  return {
    id,
    name: "",
    sex: "female",
    dateOfBirth: "",
    address: "",
    prefecture: "",
    city: "",
    prefectureRomaji: "",
    cityRomaji: "",
    localGovernmentCode: "",
  };
}

/** A name typed with an ordinary space (or several) between family and given name, with U+3000 instead. */
export function withIdeographicSpace(name: string): string {
  return name.trim().replace(/[ \u3000]+/g, IDEOGRAPHIC_SPACE);
}

export type FieldErrors = Partial<Record<PersonaField, string>>;

/** What is wrong with each field, in "ja / en"; an empty object when the record can be sent. */
export function validatePersona(p: Persona, now: string | Date): FieldErrors {
  const errors: FieldErrors = {};
  const required = (field: PersonaField) => {
    if (String(p[field]).trim() === "") errors[field] = "必須です / Required";
  };
  (Object.keys(FIELD_LABELS) as PersonaField[]).forEach(required);

  // The same rule as jpki-core's personaSchema: one U+3000 and no other white space.
  if (errors.name === undefined && !/^[^\u3000\s]+\u3000[^\u3000\s]+$/.test(p.name)) {
    errors.name = / /.test(p.name)
      ? "半角スペースではなく全角スペース（U+3000）で区切ってください / Separate family and given name with a full-width space (U+3000), not an ordinary space"
      : "氏と名を全角スペース（U+3000）で1つ区切ってください / Put one full-width space (U+3000) between family and given name";
  }
  if (errors.dateOfBirth === undefined) {
    const age = isCalendarDate(p.dateOfBirth) ? ageAt(p.dateOfBirth, now) : null;
    if (age === null) errors.dateOfBirth = "YYYY-MM-DD の日付で / A date, YYYY-MM-DD";
    else if (age < 0) errors.dateOfBirth = "未来の日付です / In the future (at sandbox time)";
  }
  if (errors.address === undefined && [...p.address].length > 200) errors.address = "200文字まで / At most 200 characters";
  // JPKI.md "address": from the prefecture on.
  if (errors.address === undefined && errors.prefecture === undefined && !p.address.startsWith(p.prefecture))
    errors.address = `都道府県（${p.prefecture}）から書いてください / Start with the prefecture (${p.prefecture})`;
  if (errors.localGovernmentCode === undefined && !/^\d{6}$/.test(p.localGovernmentCode))
    errors.localGovernmentCode = "半角数字6桁 / 6 digits";
  // As in the S subject and the CRL DP (JPKI.md): a prefecture takes no spaces, a city may.
  if (errors.prefectureRomaji === undefined && !/^[A-Za-z][A-Za-z-]*$/.test(p.prefectureRomaji))
    errors.prefectureRomaji = "ローマ字（空白なし） / Latin letters and hyphens, e.g. Tokyo-to";
  if (errors.cityRomaji === undefined && !/^[A-Za-z][A-Za-z -]*$/.test(p.cityRomaji)) errors.cityRomaji = "ローマ字で / Latin letters, e.g. Chiyoda-ku";
  return errors;
}

/** Only the address fields' errors (address change at the counter). */
export function validateAddress(p: Persona, now: string | Date): FieldErrors {
  const all = validatePersona(p, now);
  const out: FieldErrors = {};
  for (const f of ADDRESS_FIELDS) if (all[f] !== undefined) out[f] = all[f];
  return out;
}

export type SigningPlan =
  | { issued: true; why: "adult" | "requested"; age: number | null }
  | { issued: false; why: "under15"; age: number };

/**
 * Whether the counter issues an S certificate for this resident at sandbox time `now`: from 15 always;
 * under 15 only when requestSigningCertificate is set. An unreadable date of birth counts as "issued" so the
 * S PIN is asked for (validation flags the date separately).
 */
export function signingPlan(p: Pick<Persona, "dateOfBirth" | "requestSigningCertificate">, now: string | Date): SigningPlan {
  const age = ageAt(p.dateOfBirth, now);
  if (age === null || age >= SIGNING_CERTIFICATE_AGE) return { issued: true, why: "adult", age };
  if (p.requestSigningCertificate === true) return { issued: true, why: "requested", age };
  return { issued: false, why: "under15", age };
}
