/**
 * Where a visitor is in the guided walkthrough, computed from what the bank and the portal hold (never from
 * clicks): counter → card, account opening ①–⑧, the staff view's S–R link, login ①'–⑥', and a move and what
 * the bank then sees. One chapter is "next"; chapters before it are done (or skippable), after it not yet.
 */
import type { AccountView, JourneyView, WalkthroughCard, WalkthroughView } from "../../shared/api-types";
import { isHttpUrl, type NextLink } from "./journey";

export type ChapterState = "done" | "next" | "todo";
export type ChapterKey = "card" | "opening" | "staff" | "login" | "move";

/** The life-event chapter's own steps: moved at the counter → the bank re-validated → consent refresh. */
export interface MoveProgress {
  /** The citizen's S changed at the portal (a move revokes S affiliationChanged and issues a new one). */
  moved: boolean;
  /** The bank's re-validation saw it: S revoked → followed old S → current S, flagged the account. */
  bankCaughtUp: boolean;
  /** The customer consented and the bank fetched the latest four attributes (linkage 3). */
  refreshed: boolean;
}

export interface WalkthroughProgress {
  chapters: Record<ChapterKey, ChapterState>;
  /** The chapter whose call to action the page puts first; undefined when all is done. */
  next: ChapterKey | undefined;
  /** The card the walkthrough follows: the customer's, else 花子's (a seeded persona), else the first usable one. */
  card: WalkthroughCard | undefined;
  move: MoveProgress;
}

const USABLE = new Set(["active"]);
const CAUGHT_UP_EVENTS = new Set(["signingRevoked", "linkRefreshed", "attributesFlagged"]);

const sameName = (a: string, b: string) => a.replace(/[\s\u3000]+/g, "") === b.replace(/[\s\u3000]+/g, "");

export function followedCard(view: Pick<WalkthroughView, "portal" | "customer">): WalkthroughCard | undefined {
  if (!view.portal.available) return undefined;
  const cards = view.portal.cards;
  const usable = cards.filter((c) => USABLE.has(c.status) && c.hasSigningCertificate);
  const customerName = view.customer?.customer.name;
  if (customerName !== undefined) {
    const own = cards.filter((c) => sameName(c.holderName, customerName));
    return own.find((c) => USABLE.has(c.status)) ?? own[own.length - 1];
  }
  return usable.find((c) => c.demoPins !== undefined) ?? usable[0];
}

export function moveProgress(customer: AccountView | null, card: WalkthroughCard | undefined, refresh: JourneyView | undefined): MoveProgress {
  const history = customer?.history ?? [];
  const refreshed = history.some((e) => e.kind === "attributesUpdated") || refresh?.status === "completed";
  const bankCaughtUp = refreshed || customer?.customer.attributesMayHaveChanged === true || history.some((e) => CAUGHT_UP_EVENTS.has(e.kind)) || customer?.link?.source === "revalidation";
  const cardAhead = card?.signingSerial !== undefined && card.signingSerial !== null && customer?.link !== null && customer?.link !== undefined && card.signingSerial !== customer.link.signingSerial;
  return { moved: bankCaughtUp || cardAhead, bankCaughtUp, refreshed };
}

export function walkthroughProgress(view: WalkthroughView): WalkthroughProgress {
  const card = followedCard(view);
  const hasCard = card !== undefined || (view.portal.available && view.portal.cards.some((c) => USABLE.has(c.status) && c.hasSigningCertificate));
  const opened = view.customer !== null || view.journeys.opening?.status === "completed";
  const loggedIn = view.journeys.login?.status === "completed" || view.customer?.source === "session" || (view.customer?.history ?? []).some((e) => e.kind === "login");
  const move = moveProgress(view.customer, card, view.journeys.attributeRefresh);
  const linear: Array<[ChapterKey, boolean]> = [
    ["card", hasCard || opened],
    ["opening", opened],
    ["login", loggedIn],
    ["move", move.refreshed],
  ];
  const next = linear.find(([, done]) => !done)?.[0];
  const chapters = {} as Record<ChapterKey, ChapterState>;
  let seenNext = false;
  for (const [key, done] of linear) {
    chapters[key] = done ? "done" : !seenNext && key === next ? "next" : "todo";
    if (key === next) seenNext = true;
  }
  // The staff view changes nothing: it is there to look at once the S–R link exists.
  chapters.staff = view.customer?.link !== null && view.customer?.link !== undefined ? "done" : opened ? "next" : "todo";
  return { chapters, next, card, move };
}

/** The one call to action of the walkthrough: where to go now, and why, in both languages. */
export interface NextAction {
  link: NextLink;
  /** What happens there. */
  why: { ja: string; en: string };
}

/** Where the walkthrough sends the visitor next; undefined when every chapter is done. */
export function nextAction(progress: WalkthroughProgress, view: WalkthroughView, portalUrl: string): NextAction | undefined {
  const route = (to: string, ja: string, en: string): NextLink => ({ kind: "route", to, ja, en, primary: true });
  const external = (href: string, ja: string, en: string): NextLink => ({ kind: "external", href, ja, en, primary: true });
  const pending = (journey: JourneyView | undefined) => (journey?.status === "awaitingApproval" && journey.approvalUrl !== undefined && isHttpUrl(journey.approvalUrl) ? journey.approvalUrl : undefined);
  switch (progress.next) {
    case "card":
      return {
        link: external(`${portalUrl}/counter`, "ポータルの窓口でカードを発行", "Issue a card at the portal's counter"),
        why: { ja: "市区町村窓口で 総務 花子 のマイナンバーカード（模擬）を発行します", en: "The municipal counter issues a virtual My Number Card, e.g. for 総務 花子." },
      };
    case "opening": {
      const resume = pending(view.journeys.opening);
      return resume !== undefined
        ? { link: external(resume, "ポータルで署名を続ける ②", "Continue signing at the portal ②"), why: { ja: "口座開設の申込書がポータルで署名を待っています", en: "Your application is waiting for the S signature at the portal." } }
        : { link: route("/open", "① 口座開設", "① Open an account"), why: { ja: "申込書を入力し、ポータルで署名用電子証明書（S PIN）で署名します", en: "Fill in the application, then sign it at the portal with S (the S PIN)." } };
    }
    case "login": {
      const resume = pending(view.journeys.login);
      return resume !== undefined
        ? { link: external(resume, "ポータルで署名を続ける ②'", "Continue at the portal ②'"), why: { ja: "ログインのチャレンジがポータルで署名を待っています", en: "The login challenge is waiting at the portal." } }
        : { link: route("/login", "①' ログイン", "①' Log in"), why: { ja: "銀行のチャレンジに利用者証明用電子証明書（R PIN）で署名します", en: "Sign the bank's challenge with R (the R PIN)." } };
    }
    case "move": {
      const card = progress.card;
      if (!progress.move.moved) {
        return {
          link: external(card === undefined ? `${portalUrl}/counter` : `${portalUrl}/counter/cards/${encodeURIComponent(card.id)}`, "窓口で転居届", "Report a move at the counter"),
          why: { ja: "住所が変わると署名用電子証明書は失効（affiliationChanged）し、新しい S が発行されます", en: "A new address revokes S (affiliationChanged) and issues a new one." },
        };
      }
      if (!progress.move.bankCaughtUp) {
        return {
          link: route("/staff/revalidations", "職員：今すぐ再検証", "Staff: re-validate now"),
          why: { ja: "銀行が保存している S を OCSP で確認し、旧 S → 現在の S を紐付けサービスでたどります", en: "The bank asks OCSP about every stored S and follows old S → current S through linkage." },
        };
      }
      return view.customer?.source === "session"
        ? { link: route("/account", "口座：最新の基本4情報を取得", "My account: fetch the latest attributes"), why: { ja: "同意書に S で署名すると、銀行は J-LIS から最新の基本4情報を受け取ります", en: "Sign a consent with S; the bank gets the latest four attributes from J-LIS." } }
        : { link: route("/login", "①' ログインしてから口座へ", "①' Log in, then My account"), why: { ja: "ログインすると「口座」ページで基本4情報を更新できます", en: "Once logged in, My account offers the attribute refresh." } };
    }
    default:
      return undefined;
  }
}
