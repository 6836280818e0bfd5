/**
 * What the bank asks the customer to sign: the account-opening application (②), the relink request at login
 * (a renewed card), and the consent for linkage 3 (jlis README: `jpki-sandbox/linkage-consent`). Plain UTF-8 so
 * the portal can show the citizen exactly what the card will sign.
 */
import type { ApplicationInput, Sex } from "../../shared/api-types.js";

const SEX_WORDS: Record<Sex, string> = { male: "男性 / male", female: "女性 / female", unspecified: "不明 / unspecified" };

export const TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";
export const JSON_CONTENT_TYPE = "application/json";

export function applicationDocument(journeyId: string, form: ApplicationInput, at: Date): string {
  return [
    "サンドボックス銀行 口座開設申込書 / Sandbox Bank account application (TEST ONLY)",
    `申込番号 / Application: ${journeyId}`,
    `氏名 / Name: ${form.name}`,
    `生年月日 / Date of birth: ${form.dateOfBirth}`,
    `性別 / Sex: ${SEX_WORDS[form.sex]}`,
    `住所 / Address: ${form.address}`,
    `申込日時 / Applied at: ${at.toISOString()} (sandbox time)`,
    "上記のとおり普通預金口座の開設を申し込みます。/ I apply for a savings account as above.",
    "",
  ].join("\n");
}

export function relinkDocument(journeyId: string, at: Date): string {
  return [
    "サンドボックス銀行 電子証明書の再登録 / Sandbox Bank: link my renewed card (TEST ONLY)",
    `受付番号 / Request: ${journeyId}`,
    `日時 / At: ${at.toISOString()} (sandbox time)`,
    "新しいカードの電子証明書を口座に登録することに同意します。/ I ask the bank to link my new card to my account.",
    "",
  ].join("\n");
}

/** The consent document jlis's linkage 3 expects (apps/jlis README, "Consent for linkage 3"). */
export function consentDocument(verifierId: string, at: Date): string {
  return JSON.stringify({
    type: "jpki-sandbox/linkage-consent",
    verifierId,
    purpose: "口座の届出事項（基本4情報）の更新 / update the account's four attributes",
    issuedAt: at.toISOString(),
  });
}
