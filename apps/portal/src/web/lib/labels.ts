/**
 * Japanese / English labels for the statuses and codes of the portal API that only the portal shows
 * (DESIGN.md "For the people who use it"; card statuses, sexes, label() and lookup() are web-kit's). JPKI
 * terms as J-LIS writes them; revocation reasons as RFC 5280 names them (JPKI.md "Revocation").
 */
import type { Label } from "@jpki-sandbox/web-kit";
import type { ApprovalKind, ApprovalStatus, CertificateKind, OcspStatus } from "../../shared/api-types";

export const CERTIFICATE_KINDS: Record<CertificateKind, Label & { long: string }> = {
  S: { ja: "署名用電子証明書", en: "Signing certificate (S)", tone: "info", long: "文書に署名する / signs documents; carries the four attributes" },
  R: { ja: "利用者証明用電子証明書", en: "User-authentication certificate (R)", tone: "info", long: "ログインに使う / logs you in; carries no personal attributes" },
};

/** Live status from jlis's OCSP responder (RFC 6960 CertStatus, plus "could not ask"). */
export const OCSP_STATUSES: Record<OcspStatus, Label> = {
  good: { ja: "有効", en: "good", tone: "good" },
  revoked: { ja: "失効", en: "revoked", tone: "bad" },
  unknown: { ja: "不明", en: "unknown", tone: "warn" },
  unavailable: { ja: "確認できません", en: "unavailable", tone: "warn" },
};

/** RFC 5280 CRLReason values JPKI uses (certificateHold never: every revocation is final). */
export const REVOCATION_REASONS: Record<string, Pick<Label, "ja" | "en"> & { when: string }> = {
  keyCompromise: { ja: "鍵の危殆化", en: "Key compromise", when: "カードの紛失・盗難 / card lost or stolen" },
  affiliationChanged: { ja: "属性変更", en: "Affiliation changed", when: "基本4情報の変更（署名用のみ） / one of the four attributes changed (S only)" },
  superseded: { ja: "更新", en: "Superseded", when: "カードの更新 / the card was renewed" },
  cessationOfOperation: { ja: "利用停止", en: "Cessation of operation", when: "死亡・転出・本人の申請 / death, loss of residence or the holder's request" },
};

export const APPROVAL_KINDS: Record<ApprovalKind, { ja: string; en: string; certificate: CertificateKind; step: string }> = {
  sign: { ja: "署名用電子証明書で署名", en: "Sign with your signing certificate (S)", certificate: "S", step: "②" },
  auth: { ja: "利用者証明用電子証明書でログイン", en: "Log in with your user-authentication certificate (R)", certificate: "R", step: "②'" },
};

export const APPROVAL_STATUSES: Record<ApprovalStatus, Label & { detail: string }> = {
  pending: { ja: "確認待ち", en: "Waiting for you", tone: "info", detail: "" },
  approved: {
    ja: "承認済み",
    en: "Already approved",
    tone: "neutral",
    detail: "この依頼はすでに承認されました。銀行の画面に戻ってください / This request was already approved; go back to the bank's page.",
  },
  redeemed: {
    ja: "完了",
    en: "Already used",
    tone: "neutral",
    detail: "この依頼は承認され、銀行が結果を受け取りました / This request was approved and the bank has collected the result.",
  },
  cancelled: {
    ja: "キャンセル済み",
    en: "Cancelled",
    tone: "warn",
    detail: "この依頼はキャンセルされました。もう一度、銀行の画面から始めてください / This request was cancelled; start again from the bank's page.",
  },
  expired: {
    ja: "期限切れ",
    en: "Expired",
    tone: "warn",
    detail: "この依頼は有効期限を過ぎました。もう一度、銀行の画面から始めてください / This request has expired; start again from the bank's page.",
  },
};
