/**
 * Where a journey's result page sends the customer next (no dead ends, DESIGN.md "For the people who use it"), and
 * what a rejection means for them in one line.
 */
import type { BankErrorCode, JourneyKind, JourneyView } from "../../shared/api-types";

/** A place to go: a page of this bank, or the portal (approval page, counter, wallet) on the portal's origin. */
export type NextLink =
  | { kind: "route"; to: string; ja: string; en: string; primary: boolean }
  | { kind: "external"; href: string; ja: string; en: string; primary: boolean };

const ROUTES = {
  account: { to: "/account", ja: "口座を見る", en: "Go to my account" },
  login: { to: "/login", ja: "ログイン ①'", en: "Log in ①'" },
  open: { to: "/open", ja: "口座開設 ①", en: "Open an account ①" },
} as const;

/** The links a journey page offers, the one to follow first marked primary; Home is always the last. */
export function journeyNextLinks(view: Pick<JourneyView, "kind" | "status" | "next" | "approvalUrl" | "canRelink">): NextLink[] {
  const out: NextLink[] = [];
  const route = (key: keyof typeof ROUTES, primary: boolean) => {
    if (!out.some((l) => l.kind === "route" && l.to === ROUTES[key].to)) out.push({ kind: "route", ...ROUTES[key], primary });
  };
  if (view.status === "awaitingApproval" && view.approvalUrl !== undefined && isHttpUrl(view.approvalUrl))
    out.push({ kind: "external", href: view.approvalUrl, ja: "ポータルで続ける", en: "Continue at the portal", primary: true });
  const primaryTaken = () => out.some((l) => l.primary) || view.canRelink === true;
  if (view.next !== undefined) route(view.next, !primaryTaken());
  else if (view.status === "completed") route(view.kind === "login" || view.kind === "relink" || view.kind === "attributeRefresh" ? "account" : "login", !primaryTaken());
  else if (view.status !== "awaitingApproval") route(retryRoute(view.kind), !primaryTaken());
  out.push({ kind: "route", to: "/", ja: "ホーム", en: "Home", primary: false });
  return out;
}

/** Where to start over after a journey of this kind was refused or cancelled. */
function retryRoute(kind: JourneyKind): keyof typeof ROUTES {
  if (kind === "opening") return "open";
  if (kind === "attributeRefresh") return "account";
  return "login";
}

/** Only http(s) URLs are followed from the server's answers (never javascript: or data:). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** What the customer can do about a refusal, by code: one line, Japanese / English. */
export const REJECTION_ADVICE: Partial<Record<BankErrorCode, { ja: string; en: string }>> = {
  ATTRIBUTES_MISMATCH: {
    ja: "申込内容を署名用電子証明書の記載（住民票の記載）に合わせて、もう一度お申し込みください",
    en: "Correct the form to match your signing certificate (the resident register) and apply again.",
  },
  ALREADY_CUSTOMER: { ja: "すでに口座をお持ちです。ログインしてください", en: "You already have an account: log in instead." },
  WRONG_CERTIFICATE_KIND: {
    ja: "申込みには署名用電子証明書（S）で署名してください",
    en: "Sign the application with the signing certificate (S), not the user-authentication certificate (R).",
  },
  CERTIFICATE_REVOKED: {
    ja: "この証明書は失効しています。市区町村窓口で新しい証明書を受け取ってから、もう一度お試しください",
    en: "This certificate is revoked: get a new one at the municipal counter, then try again.",
  },
  CERTIFICATE_EXPIRED: {
    ja: "証明書の有効期限が切れています。市区町村窓口で更新してください",
    en: "The certificate has expired: renew it at the municipal counter.",
  },
  CERTIFICATE_NOT_YET_VALID: { ja: "証明書の有効期間がまだ始まっていません", en: "The certificate is not valid yet (check the sandbox clock)." },
  CERTIFICATE_UNTRUSTED: { ja: "J-LIS（模擬）が発行した証明書ではありません", en: "The certificate does not chain to the sandbox J-LIS root." },
  SIGNATURE_INVALID: { ja: "署名を検証できませんでした。もう一度お試しください", en: "The signature did not verify: try again." },
  DOCUMENT_MISMATCH: { ja: "署名された文書が申込書と一致しません", en: "The signed document is not the application the bank asked you to sign." },
  OCSP_UNKNOWN: { ja: "J-LIS がこの証明書を知りません", en: "J-LIS does not know this certificate (OCSP unknown)." },
  OCSP_TRY_LATER: { ja: "J-LIS が混み合っています。しばらくしてからお試しください", en: "J-LIS asked to try later (OCSP tryLater): try again in a while." },
  OCSP_UNAVAILABLE: { ja: "J-LIS に失効確認できませんでした。しばらくしてからお試しください", en: "The bank could not reach J-LIS's OCSP: try again in a while." },
  OCSP_RESPONSE_INVALID: {
    ja: "J-LIS の応答の署名を確認できませんでした（安全のため拒否）",
    en: "The OCSP answer was not signed by J-LIS's responder: refused to be safe.",
  },
  LINKAGE_UNAVAILABLE: { ja: "紐付けサービスに接続できませんでした。しばらくしてからお試しください", en: "J-LIS's linkage service could not be reached: try again in a while." },
  LINKAGE_REFUSED: { ja: "J-LIS が紐付け照会を拒否しました", en: "J-LIS refused the linkage request." },
  CHALLENGE_REPLAYED: { ja: "このチャレンジは使用済みです。もう一度ログインしてください", en: "This challenge was already used: log in again." },
  CHALLENGE_EXPIRED: { ja: "チャレンジの有効期限が切れました。もう一度ログインしてください", en: "The challenge expired: log in again." },
  CHALLENGE_UNKNOWN: { ja: "チャレンジが見つかりません。もう一度ログインしてください", en: "The bank does not know this challenge: log in again." },
  CUSTOMER_UNKNOWN: {
    ja: "この利用者証明用電子証明書は登録されていません（カードを更新しましたか？）",
    en: "The bank does not know this user-authentication certificate (was the card renewed?).",
  },
  CUSTOMER_SUSPENDED: { ja: "口座は利用停止中です。窓口にお問い合わせください", en: "The account is suspended: contact the bank." },
  APPROVAL_CANCELLED: { ja: "ポータルでキャンセルされました。もう一度始められます", en: "Cancelled at the portal: you can start again." },
  APPROVAL_CODE_REUSED: { ja: "この承認コードは使用済みです", en: "This approval code was already used." },
  APPROVAL_CODE_INVALID: { ja: "承認コードが無効です。もう一度始めてください", en: "The approval code is not valid: start again." },
  APPROVAL_FAILED: { ja: "ポータルで承認できませんでした", en: "The portal could not complete the approval." },
  PORTAL_UNAVAILABLE: { ja: "ポータルに接続できませんでした", en: "The bank could not reach the portal." },
  JLIS_UNAVAILABLE: { ja: "J-LIS に接続できませんでした", en: "The bank could not reach J-LIS." },
};
