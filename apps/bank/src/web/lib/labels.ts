/**
 * Japanese / English labels for the bank API's statuses and codes (DESIGN.md "For the people who use it"; sexes,
 * label() and lookup() are web-kit's). JPKI terms as J-LIS writes them; revocation reasons as RFC 5280 names them
 * (JPKI.md "Revocation and status").
 */
import type { Label } from "@jpki-sandbox/web-kit";
import type {
  CustomerStatus,
  JourneyKind,
  JourneyStatus,
  LinkView,
  RevalidationResultView,
  RevalidationRunView,
  StepOutcome,
} from "../../shared/api-types";

export const JOURNEY_KINDS: Record<JourneyKind, Label> = {
  opening: { ja: "口座開設", en: "Account opening", tone: "info" },
  login: { ja: "ログイン", en: "Login", tone: "info" },
  relink: { ja: "署名用での再確認", en: "Relink (signed once more with S)", tone: "info" },
  attributeRefresh: { ja: "基本4情報の更新", en: "Attribute refresh", tone: "info" },
};

export const JOURNEY_STATUSES: Record<JourneyStatus, Label> = {
  awaitingApproval: { ja: "承認待ち", en: "Awaiting approval", tone: "info" },
  completed: { ja: "完了", en: "Completed", tone: "good" },
  rejected: { ja: "拒否", en: "Rejected", tone: "bad" },
  cancelled: { ja: "キャンセル", en: "Cancelled", tone: "warn" },
};

export const STEP_OUTCOMES: Record<StepOutcome, Label> = {
  passed: { ja: "合格", en: "Passed", tone: "good" },
  failed: { ja: "不合格", en: "Failed", tone: "bad" },
  skipped: { ja: "未実施", en: "Skipped", tone: "neutral" },
};

export const CUSTOMER_STATUSES: Record<CustomerStatus, Label> = {
  active: { ja: "利用中", en: "Active", tone: "good" },
  suspended: { ja: "利用停止", en: "Suspended", tone: "warn" },
  closed: { ja: "解約", en: "Closed", tone: "bad" },
};

export const LINK_SOURCES: Record<LinkView["source"], Pick<Label, "ja" | "en">> = {
  opening: { ja: "口座開設 ⑦⑧", en: "Account opening ⑦⑧" },
  revalidation: { ja: "再検証（旧S → 現S）", en: "Re-validation (old S → current S)" },
  relink: { ja: "ログイン時の再確認", en: "Relink at login" },
  attributeRefresh: { ja: "基本4情報の更新", en: "Attribute refresh" },
};

/** The S certificate's status at re-validation: OCSP's CertStatus (RFC 6960), plus "could not ask" and expiry. */
export const OCSP_STATUSES: Record<RevalidationResultView["ocspStatus"], Label> = {
  good: { ja: "有効", en: "good", tone: "good" },
  revoked: { ja: "失効", en: "revoked", tone: "bad" },
  unknown: { ja: "不明", en: "unknown", tone: "warn" },
  unavailable: { ja: "確認できません", en: "unavailable", tone: "warn" },
  expired: { ja: "期限切れ", en: "expired", tone: "neutral" },
};

export const REVALIDATION_ACTIONS: Record<RevalidationResultView["action"], Label> = {
  none: { ja: "対応なし", en: "Nothing to do", tone: "neutral" },
  followedToCurrent: { ja: "新しい署名用証明書に追従", en: "Followed old S → current S", tone: "info" },
  flaggedAttributes: { ja: "属性変更の可能性を記録", en: "Flagged: attributes may have changed", tone: "warn" },
  suspended: { ja: "利用停止", en: "Suspended", tone: "warn" },
  closed: { ja: "解約", en: "Closed", tone: "bad" },
  retryLater: { ja: "後で再試行", en: "Retry later", tone: "warn" },
};

export const REVALIDATION_TRIGGERS: Record<RevalidationRunView["trigger"], Pick<Label, "ja" | "en">> = {
  schedule: { ja: "定期実行", en: "Scheduled" },
  staff: { ja: "職員が実行", en: "Run by staff" },
};

/** RFC 5280 CRLReason values JPKI uses (certificateHold never: every revocation is final). */
export const REVOCATION_REASONS: Record<string, Pick<Label, "ja" | "en"> & { when: string }> = {
  keyCompromise: { ja: "鍵の危殆化", en: "Key compromise", when: "カードの紛失・盗難 / card lost or stolen" },
  affiliationChanged: { ja: "属性変更", en: "Affiliation changed", when: "基本4情報の変更（署名用のみ） / one of the four attributes changed (S only)" },
  superseded: { ja: "更新", en: "Superseded", when: "カードの更新 / the card was renewed" },
  cessationOfOperation: { ja: "利用停止", en: "Cessation of operation", when: "死亡・転出・本人の申請 / death, loss of residence or the holder's request" },
};

/** What StatusEventView.kind names (a newer server's kinds show as they are, through lookup()). */
export const EVENT_KINDS: Record<string, Label> = {
  opened: { ja: "口座開設", en: "Account opened", tone: "good" },
  login: { ja: "ログイン", en: "Logged in", tone: "info" },
  revalidated: { ja: "再検証", en: "Re-validated", tone: "neutral" },
  signingRevoked: { ja: "署名用証明書の失効", en: "S certificate revoked", tone: "bad" },
  linkRefreshed: { ja: "紐付けの更新", en: "Link refreshed", tone: "info" },
  attributesFlagged: { ja: "属性変更の可能性", en: "Attributes may have changed", tone: "warn" },
  attributesUpdated: { ja: "基本4情報を更新", en: "Attributes updated", tone: "good" },
  suspended: { ja: "利用停止", en: "Suspended", tone: "warn" },
  closed: { ja: "解約", en: "Closed", tone: "bad" },
  relinked: { ja: "再紐付け", en: "Relinked", tone: "info" },
};

/** The four basic attributes (基本4情報), as the form and a mismatch name them. */
export const ATTRIBUTE_FIELDS: Record<"name" | "dateOfBirth" | "sex" | "address", { ja: string; en: string }> = {
  name: { ja: "氏名", en: "Name" },
  dateOfBirth: { ja: "生年月日", en: "Date of birth" },
  sex: { ja: "性別", en: "Sex" },
  address: { ja: "住所", en: "Address" },
};

/** A revocation reason in words: "属性変更 / Affiliation changed (affiliationChanged)"; unknown ones as they are. */
export function revocationReasonText(reason: string): string {
  const r = REVOCATION_REASONS[reason];
  return r === undefined ? reason : `${r.ja} / ${r.en} (${reason})`;
}
