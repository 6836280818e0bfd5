/**
 * The slide's two flows (JPKI.md "The flow the sandbox demonstrates"), for the strip every page shows to say
 * where it is: ①–⑧ for account opening signed with S, ①'–⑥' for login with R. Who acts at each step tells the
 * audience which site the browser is on (the bank, the portal with the card) or that the bank talks to J-LIS.
 */
import type { JourneyKind, StepView } from "../../shared/api-types";

export type Actor = "customer" | "card" | "bank" | "jlis";

export interface FlowStep {
  number: string;
  ja: string;
  en: string;
  actor: Actor;
}

export type FlowName = "opening" | "login";

export const OPENING_FLOW: readonly FlowStep[] = [
  { number: "①", ja: "申込入力", en: "Fill in the application", actor: "customer" },
  { number: "②", ja: "署名（署名用PIN）", en: "Sign with the S key (S PIN)", actor: "card" },
  { number: "③", ja: "申込・署名・証明書を送信", en: "Send application + signature + S certificate", actor: "card" },
  { number: "④", ja: "署名・証明書の検証", en: "Verify signature, chain, validity", actor: "bank" },
  { number: "⑤", ja: "失効確認の要求", en: "Ask J-LIS: is S valid? (OCSP)", actor: "bank" },
  { number: "⑥", ja: "失効確認の応答", en: "J-LIS answers", actor: "jlis" },
  { number: "⑦", ja: "シリアル番号で紐付け照会", en: "Send the S serial (linkage)", actor: "bank" },
  { number: "⑧", ja: "利用者証明用のシリアル番号", en: "Get the R serial, keep S–R", actor: "jlis" },
];

export const LOGIN_FLOW: readonly FlowStep[] = [
  { number: "①'", ja: "チャレンジ送信", en: "The bank sends a challenge", actor: "bank" },
  { number: "②'", ja: "署名（利用者証明用PIN）", en: "Sign it with the R key (R PIN)", actor: "card" },
  { number: "③'", ja: "署名・証明書を送信", en: "Send signature + R certificate", actor: "card" },
  { number: "④'", ja: "署名・証明書の検証", en: "Verify signature and chain", actor: "bank" },
  { number: "⑤'", ja: "失効確認の要求", en: "Ask J-LIS: is R valid? (OCSP)", actor: "bank" },
  { number: "⑥'", ja: "失効確認の応答", en: "J-LIS answers; the R serial finds the customer", actor: "jlis" },
];

export const ACTORS: Record<Actor, { ja: string; en: string }> = {
  customer: { ja: "お客さま（銀行サイト）", en: "Customer at the bank's site" },
  card: { ja: "カード（ポータル）", en: "Card, at the portal" },
  bank: { ja: "銀行", en: "Bank" },
  jlis: { ja: "J-LIS", en: "J-LIS" },
};

/** Which slide flow a journey follows: everything signed with S is the opening flow, login the R flow. */
export function flowOf(kind: JourneyKind): FlowName {
  return kind === "login" ? "login" : "opening";
}

export function flowSteps(flow: FlowName): readonly FlowStep[] {
  return flow === "login" ? LOGIN_FLOW : OPENING_FLOW;
}

export type StripState = "done" | "current" | "failed" | "todo";

/**
 * Each step of the flow with its state for the strip: `current` are the numbers this page is at; numbers before
 * the first current one are done.
 */
export function stripFor(flow: FlowName, current: readonly string[]): Array<FlowStep & { state: StripState }> {
  const steps = flowSteps(flow);
  const first = steps.findIndex((s) => current.includes(s.number));
  return steps.map((s, i) => ({
    ...s,
    state: current.includes(s.number) ? "current" : first >= 0 && i < first ? "done" : "todo",
  }));
}

/**
 * The strip for a journey as it ran: a numbered step the server reports takes its outcome (passed → done,
 * failed → failed); one it did not report stays todo. Steps are matched by their number ("⑤", "⑤'").
 */
export function stripFromSteps(flow: FlowName, steps: readonly Pick<StepView, "number" | "outcome">[]): Array<FlowStep & { state: StripState }> {
  const byNumber = new Map(steps.filter((s) => s.number !== "").map((s) => [s.number, s.outcome]));
  return flowSteps(flow).map((s) => {
    const outcome = byNumber.get(s.number);
    return { ...s, state: outcome === "passed" ? "done" : outcome === "failed" ? "failed" : "todo" };
  });
}

/** Whether every numbered step of the flow was reported as passed (the done-when of issue 6). */
export function allNumberedPassed(flow: FlowName, steps: readonly Pick<StepView, "number" | "outcome">[]): boolean {
  return stripFromSteps(flow, steps).every((s) => s.state === "done");
}

/**
 * The strip for a journey of any kind: account opening and login show their whole flow; a relink or an
 * attribute refresh runs only part of the S flow (②–⑧, ②–⑥), so only the numbers it reported are shown.
 */
export function journeyStrip(kind: JourneyKind, steps: readonly Pick<StepView, "number" | "outcome">[]): Array<FlowStep & { state: StripState }> {
  const strip = stripFromSteps(flowOf(kind), steps);
  if (kind === "opening" || kind === "login") return strip;
  const reported = new Set(steps.map((s) => s.number));
  return strip.filter((s) => reported.has(s.number));
}

/** Whether every step of the journey's strip passed (the done-when of issue 6: "every step ①–⑧ shown and passed"). */
export function everyStepPassed(kind: JourneyKind, steps: readonly Pick<StepView, "number" | "outcome">[]): boolean {
  const strip = journeyStrip(kind, steps);
  return strip.length > 0 && strip.every((s) => s.state === "done");
}
