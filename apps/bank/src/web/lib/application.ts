/**
 * The account-opening form ① (ApplicationInput): its fields, the checks made before the round trip to the portal,
 * and 花子's details for the demo (JPKI.md "Personas"). The bank has the last word: it matches what was typed
 * against the four attributes of the S certificate after ④–⑥, normalising width and white space.
 */
import { isCalendarDate } from "@jpki-sandbox/web-kit";
import type { ApplicationInput, Sex } from "../../shared/api-types";

export type ApplicationField = keyof ApplicationInput;
export type ApplicationErrors = Partial<Record<ApplicationField, string>>;

export const APPLICATION_FIELDS: readonly ApplicationField[] = ["name", "dateOfBirth", "sex", "address"];

export const FIELD_TEXTS: Record<ApplicationField, { ja: string; en: string; help: string }> = {
  name: {
    ja: "氏名",
    en: "Name",
    help: "氏と名の間にスペース（全角・半角どちらでも）。住民票どおりに / Family name, a space (full- or half-width), given name — as on the resident register, e.g. 総務　花子",
  },
  dateOfBirth: { ja: "生年月日", en: "Date of birth", help: "西暦 YYYY-MM-DD / Gregorian calendar" },
  sex: { ja: "性別", en: "Sex", help: "署名用電子証明書の記載どおりに / as in your signing certificate" },
  address: {
    ja: "住所",
    en: "Address",
    help: "都道府県から、郵便番号なし、住民票どおりに（数字の全角・半角は問いません） / From the prefecture on, no postal code, as on the resident register",
  },
};

export const SEX_VALUES: readonly Sex[] = ["female", "male", "unspecified"];

/** 花子, the seed persona every part of the sandbox agrees on (JPKI.md "Personas"). */
export const HANAKO: ApplicationInput = {
  name: "総務\u3000花子",
  dateOfBirth: "2010-03-31",
  sex: "female",
  address: "東京都千代田区霞が関二丁目１番２号",
};

export const EMPTY_APPLICATION: ApplicationInput = { name: "", dateOfBirth: "", sex: "female", address: "" };

/** Prefectures end in 都, 道, 府 or 県 within their first four characters (北海道, 東京都, 京都府, 神奈川県…). */
const STARTS_WITH_PREFECTURE = /^(?:北海道|東京都|京都府|大阪府|.{2,3}県)/u;

/**
 * What is wrong with each field, in "ja / en"; an empty object when the form can be sent. `today` is the sandbox
 * date "YYYY-MM-DD" (JST) for the date-of-birth check, or null to skip that part.
 */
export function validateApplication(input: ApplicationInput, today: string | null): ApplicationErrors {
  const errors: ApplicationErrors = {};
  const name = input.name.trim();
  if (name === "") errors.name = "必須です / Required";
  else if (!/^[^\s\u3000]+[ \u3000]+[^\s\u3000]+$/u.test(name))
    errors.name = "氏と名をスペースで区切ってください（例：総務　花子） / Separate family and given name with a space (e.g. 総務　花子)";

  if (input.dateOfBirth.trim() === "") errors.dateOfBirth = "必須です / Required";
  else if (!isCalendarDate(input.dateOfBirth)) errors.dateOfBirth = "YYYY-MM-DD の日付で / A date, YYYY-MM-DD";
  else if (today !== null && input.dateOfBirth > today) errors.dateOfBirth = "未来の日付です / In the future (at sandbox time)";

  if (!SEX_VALUES.includes(input.sex)) errors.sex = "選んでください / Choose one";

  const address = input.address.trim();
  if (address === "") errors.address = "必須です / Required";
  else if ([...address].length > 200) errors.address = "200文字まで / At most 200 characters";
  else if (/^〒|^\d{3}-?\d{4}/u.test(address)) errors.address = "郵便番号は不要です / Leave out the postal code";
  else if (!STARTS_WITH_PREFECTURE.test(address)) errors.address = "都道府県から書いてください / Start with the prefecture (e.g. 東京都)";
  return errors;
}

/** The form as sent: leading and trailing white space dropped (the bank normalises the rest before matching). */
export function toApplicationInput(form: ApplicationInput): ApplicationInput {
  return { name: form.name.trim(), dateOfBirth: form.dateOfBirth.trim(), sex: form.sex, address: form.address.trim() };
}

/** A value from router state or storage that is a whole ApplicationInput (to refill the form), else null. */
export function asApplicationInput(value: unknown): ApplicationInput | null {
  if (value === null || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.name !== "string" || typeof v.dateOfBirth !== "string" || typeof v.address !== "string") return null;
  if (typeof v.sex !== "string" || !SEX_VALUES.includes(v.sex as Sex)) return null;
  return { name: v.name, dateOfBirth: v.dateOfBirth, sex: v.sex as Sex, address: v.address };
}
