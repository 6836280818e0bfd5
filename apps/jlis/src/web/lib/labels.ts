/**
 * Japanese / English labels for the statuses and codes of the admin API that only the console shows
 * (DESIGN.md "For the people who use it"; card statuses, sexes, label() and lookup() are web-kit's). JPKI
 * terms as J-LIS writes them; reason codes as RFC 5280 names them (JPKI.md "Revocation").
 */
import { label, type Label } from "@jpki-sandbox/web-kit";
import type { ActorType, AuditOutcome, CertificateKind, CertificateStatus, LinkageMode, OcspMode } from "../api";

export const CERTIFICATE_KINDS: Record<CertificateKind, Label> = {
  S: { ja: "署名用", en: "Signing", tone: "info" },
  R: { ja: "利用者証明用", en: "User authentication", tone: "info" },
};

export const CERTIFICATE_STATUSES: Record<CertificateStatus, Label> = {
  good: { ja: "有効", en: "Good", tone: "good" },
  revoked: { ja: "失効", en: "Revoked", tone: "bad" },
  expired: { ja: "期限切れ", en: "Expired", tone: "neutral" },
};

/** RFC 5280 CRLReason values JPKI uses; certificateHold never (every revocation is final). */
export type RevocationReason = "keyCompromise" | "affiliationChanged" | "superseded" | "cessationOfOperation";

export const REVOCATION_REASONS: Record<RevocationReason, Pick<Label, "ja" | "en"> & { when: string }> = {
  keyCompromise: { ja: "鍵の危殆化", en: "Key compromise", when: "カードの紛失・盗難 / card lost or stolen" },
  affiliationChanged: {
    ja: "属性変更",
    en: "Affiliation changed",
    when: "基本4情報の変更（署名用のみ） / one of the four attributes changed (S only)",
  },
  superseded: { ja: "更新", en: "Superseded", when: "カード・証明書の更新 / renewal" },
  cessationOfOperation: {
    ja: "運用停止",
    en: "Cessation of operation",
    when: "死亡・転出・本人の申請 / death, loss of residence, holder's request",
  },
};

/** Reasons an operator may pick for a certificate: affiliationChanged is for S only (R carries no attributes). */
export function revocationReasonsFor(kind: CertificateKind): RevocationReason[] {
  const all = Object.keys(REVOCATION_REASONS) as RevocationReason[];
  return kind === "S" ? all : all.filter((r) => r !== "affiliationChanged");
}

/** A reason as received (possibly one this console does not know) in both languages. */
export function revocationReasonLabel(reason: string | null | undefined): string {
  if (reason === null || reason === undefined || reason === "") return "";
  const known = (REVOCATION_REASONS as Record<string, Pick<Label, "ja" | "en">>)[reason];
  return known === undefined ? reason : label(known);
}

export const ACTOR_TYPES: Record<ActorType, Label> = {
  counter: { ja: "窓口", en: "Counter", tone: "info" },
  verifier: { ja: "署名検証者", en: "Verifier", tone: "info" },
  admin: { ja: "管理者", en: "Admin", tone: "warn" },
  system: { ja: "システム", en: "System", tone: "neutral" },
};

export const AUDIT_OUTCOMES: Record<AuditOutcome, Label> = {
  ok: { ja: "成功", en: "OK", tone: "good" },
  denied: { ja: "拒否", en: "Denied", tone: "warn" },
  error: { ja: "エラー", en: "Error", tone: "bad" },
};

/** A chaos mode: its name and what the service does in it. */
export type ModeLabel = Pick<Label, "ja" | "en"> & { help: string };

const MODE_OFF: ModeLabel = { ja: "通常", en: "Off", help: "正常に応答 / answers normally" };

export const OCSP_MODES: Record<OcspMode, ModeLabel> = {
  off: MODE_OFF,
  tryLater: { ja: "再試行要求", en: "tryLater", help: "OCSPResponseStatus tryLater (3)" },
  unknown: { ja: "不明", en: "unknown", help: "CertStatus unknown for every certificate" },
  stale: { ja: "古い応答", en: "Stale", help: "nextUpdate in the past / 期限切れの応答" },
};

export const LINKAGE_MODES: Record<LinkageMode, ModeLabel> = {
  off: MODE_OFF,
  unavailable: { ja: "利用不可", en: "Unavailable", help: "503 LINKAGE_UNAVAILABLE" },
};

export const VERIFIER_SCOPES = [
  { scope: "linkage:user-auth", ja: "利用者証明用への紐付け", en: "S → R (user-auth serial)" },
  { scope: "linkage:signing", ja: "新旧署名用の紐付け", en: "old S → current S" },
  { scope: "linkage:attributes", ja: "最新の基本4情報", en: "latest four attributes" },
] as const;

export function scopeLabel(scope: string): string {
  const known = VERIFIER_SCOPES.find((s) => s.scope === scope);
  return known === undefined ? scope : `${known.ja} / ${known.en}`;
}
