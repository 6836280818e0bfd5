/**
 * What each refusal means to a person (RejectionView): a title in English and Japanese and what to do next.
 * The detail of a concrete rejection is the error's own message (which names the serial, the reason, the
 * fields); the advice here is appended.
 */
import type { BankErrorCode, RejectionView } from "../shared/api-types.js";
import type { BankError } from "./errors.js";

interface RejectionText {
  title: string;
  titleJa: string;
  advice: string;
}

const TEXTS: Partial<Record<BankErrorCode, RejectionText>> = {
  APPROVAL_CANCELLED: { title: "Cancelled at the portal", titleJa: "ポータルで中止されました", advice: "Start again when you are ready." },
  APPROVAL_CODE_REUSED: { title: "The approval code was already used", titleJa: "承認コードは使用済みです", advice: "Each approval can be redeemed once; start again." },
  APPROVAL_CODE_INVALID: { title: "The approval code is not valid", titleJa: "承認コードが無効です", advice: "It may have expired (2 minutes); start again." },
  APPROVAL_FAILED: { title: "The portal could not complete the approval", titleJa: "ポータルでの承認に失敗しました", advice: "Start again." },
  SIGNATURE_INVALID: { title: "The signature does not verify", titleJa: "署名の検証に失敗しました", advice: "The signed data was altered or the signature is damaged; sign again." },
  DOCUMENT_MISMATCH: { title: "The signed document is not the application", titleJa: "署名された文書が申込内容と一致しません", advice: "The document was altered on the way; start again." },
  WRONG_CERTIFICATE_KIND: { title: "Signed with the wrong certificate", titleJa: "電子証明書の種類が違います", advice: "Applications are signed with the signing certificate (署名用); login uses the user-authentication certificate (利用者証明用)." },
  CERTIFICATE_UNTRUSTED: { title: "The certificate does not chain to J-LIS", titleJa: "電子証明書を検証できません", advice: "Only certificates issued by the sandbox J-LIS are accepted." },
  CERTIFICATE_EXPIRED: { title: "The certificate has expired", titleJa: "電子証明書の有効期限が切れています", advice: "Renew the certificates at the municipal counter (市区町村窓口)." },
  CERTIFICATE_NOT_YET_VALID: { title: "The certificate is not valid yet", titleJa: "電子証明書がまだ有効ではありません", advice: "Check the sandbox clock." },
  CERTIFICATE_REVOKED: { title: "The certificate is revoked", titleJa: "電子証明書は失効しています", advice: "Use your current card; if it was lost, have a new one issued at the counter." },
  OCSP_UNKNOWN: { title: "J-LIS does not know this certificate", titleJa: "J-LIS が証明書を確認できません (unknown)", advice: "The bank refuses certificates whose status it cannot confirm." },
  OCSP_TRY_LATER: { title: "J-LIS asked us to try later", titleJa: "J-LIS が一時的に応答できません (tryLater)", advice: "The bank retried and then refused, as it does whenever status cannot be confirmed (fail closed). Try again in a few minutes." },
  OCSP_RESPONSE_INVALID: { title: "The OCSP response cannot be trusted", titleJa: "OCSP 応答を検証できません", advice: "The answer was not signed by J-LIS's responder, or did not match the request; the bank refused it." },
  OCSP_UNAVAILABLE: { title: "J-LIS's OCSP responder cannot be reached", titleJa: "J-LIS の OCSP に接続できません", advice: "The bank refuses when it cannot confirm status (fail closed). Try again later." },
  CHALLENGE_REPLAYED: { title: "This login challenge was already used", titleJa: "このチャレンジは使用済みです", advice: "Log in again: each challenge is good for one answer." },
  CHALLENGE_EXPIRED: { title: "The login challenge expired", titleJa: "チャレンジの有効期限が切れました", advice: "Log in again." },
  CHALLENGE_UNKNOWN: { title: "Unknown login challenge", titleJa: "不明なチャレンジです", advice: "Log in again." },
  ATTRIBUTES_MISMATCH: { title: "The application does not match the certificate", titleJa: "申込内容が電子証明書の基本4情報と一致しません", advice: "Enter your name, date of birth, sex and address exactly as on your My Number Card." },
  ALREADY_CUSTOMER: { title: "You already have an account", titleJa: "すでに口座をお持ちです", advice: "Log in with your user-authentication certificate instead." },
  CUSTOMER_UNKNOWN: { title: "This card is not linked to an account", titleJa: "この利用者証明用電子証明書に紐付く口座がありません", advice: "If you renewed your card, sign once more with the signing certificate so the bank can follow it; otherwise open an account." },
  CUSTOMER_SUSPENDED: { title: "The account is suspended", titleJa: "口座は停止されています", advice: "Contact the bank." },
  LINKAGE_UNAVAILABLE: { title: "J-LIS's linkage service is unavailable", titleJa: "J-LIS の紐付けサービスを利用できません", advice: "The account could not be linked to your user-authentication certificate; try again later." },
  LINKAGE_REFUSED: { title: "J-LIS's linkage service refused the request", titleJa: "J-LIS の紐付けサービスが要求を拒否しました", advice: "Contact the bank." },
  PORTAL_UNAVAILABLE: { title: "The portal cannot be reached", titleJa: "ポータルに接続できません", advice: "Try again later." },
  JLIS_UNAVAILABLE: { title: "J-LIS cannot be reached", titleJa: "J-LIS に接続できません", advice: "Try again later." },
};

const FALLBACK: RejectionText = { title: "The request failed", titleJa: "処理に失敗しました", advice: "Try again; if it fails again, contact the bank." };

export function rejectionOf(error: BankError): RejectionView {
  const text = TEXTS[error.code] ?? FALLBACK;
  const details = error.details ?? {};
  return {
    code: error.code,
    title: text.title,
    titleJa: text.titleJa,
    detail: `${error.message.replace(/[.。]\s*$/, "")}. ${text.advice}`,
    ...(Array.isArray(details.fields) ? { fields: details.fields as RejectionView["fields"] } : {}),
    ...(typeof details.revocationReason === "string" ? { revocationReason: details.revocationReason } : {}),
  };
}
