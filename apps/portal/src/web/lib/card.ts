/** What a card's status lets the citizen do (JPKI.md "Revocation and status": every revocation is final). */
import type { CardStatus, CardSummary, PinKind } from "../../shared/api-types";

export interface Usability {
  usable: boolean;
  /** Why not, "ja / en"; empty when usable. */
  why: string;
  /** Where to go instead. */
  next: "counter" | "cards" | null;
}

export function cardUsability(status: CardStatus | string): Usability {
  switch (status) {
    case "active":
      return { usable: true, why: "", next: null };
    case "renewed":
      return {
        usable: false,
        why: "このカードは更新されました。新しいカードを使ってください / This card was renewed: use the new card (its certificates are revoked, superseded).",
        next: "cards",
      };
    case "lost":
      return {
        usable: false,
        why: "紛失届が出ています。両方の証明書は失効しました / Reported lost: both certificates are revoked (keyCompromise).",
        next: "counter",
      };
    case "holderDeceased":
      return { usable: false, why: "名義人の死亡により失効しました / Revoked: the holder has died.", next: "counter" };
    case "expired":
      return { usable: false, why: "有効期限が過ぎました / The card has expired.", next: "counter" };
    default:
      return { usable: false, why: `このカードは使えません（${status}） / This card cannot be used (${status}).`, next: "counter" };
  }
}

/** The PIN an approval needs: S PIN to sign, R PIN to log in. */
export function pinKindFor(kind: "sign" | "auth"): PinKind {
  return kind === "sign" ? "signing" : "userAuth";
}

/** Whether the card can answer with this PIN now: present and not blocked. */
export function pinAvailable(card: CardSummary, pin: PinKind): "ok" | "blocked" | "absent" {
  const state = pin === "signing" ? card.pins.signing : card.pins.userAuth;
  if (state === null) return "absent";
  return state.blocked ? "blocked" : "ok";
}

/** The card after a PIN_INCORRECT (tries left from the server) or PIN_BLOCKED answer, for the screen. */
export function withPinTries(card: CardSummary, pin: PinKind, triesLeft: number): CardSummary {
  const state = pin === "signing" ? card.pins.signing : card.pins.userAuth;
  if (state === null) return card;
  const next = { ...state, triesLeft, blocked: triesLeft <= 0 };
  return { ...card, pins: pin === "signing" ? { ...card.pins, signing: next } : { ...card.pins, userAuth: next } };
}
