/** Where the walkthrough says a visitor is, from data alone; and the journeys a browser remembers. */
import { describe, expect, it } from "vitest";
import type { AccountView, JourneyView, WalkthroughView } from "../../shared/api-types";
import { nextAction, walkthroughProgress } from "./walkthrough";

const PORTAL = "http://127.0.0.1:4030";
const hanakoCard = { id: "card-1", holderName: "総務\u3000花子", status: "active", hasSigningCertificate: true, demoPins: { userAuth: "1234", signing: "HANAKO2010" } };
const journey = (kind: JourneyView["kind"], status: JourneyView["status"]): JourneyView => ({ id: `${kind}-1`, kind, status, createdAt: "2026-01-01T00:00:00Z", completedAt: null, steps: [] });
const account = (changes: Partial<AccountView["customer"]> = {}, history: AccountView["history"] = [], signingSerial = "aa"): WalkthroughView["customer"] => ({
  source: "opening",
  customer: { id: "c1", name: "総務\u3000花子", dateOfBirth: "2010-03-31", sex: "female", address: "東京都", status: "active", attributesMayHaveChanged: false, statusReason: null, createdAt: "", attributesUpdatedAt: "", ...changes },
  link: { signingSerial, userAuthSerial: "bb", createdAt: "", source: "opening", active: true },
  history,
});
const view = (changes: Partial<WalkthroughView> = {}): WalkthroughView => ({ journeys: {}, customer: null, portalUrl: PORTAL, portal: { available: true, cards: [] }, ...changes });

describe("walkthroughProgress", () => {
  it("starts at the counter, then account opening once a card exists", () => {
    expect(walkthroughProgress(view()).next).toBe("card");
    expect(nextAction(walkthroughProgress(view()), view(), PORTAL)?.link).toMatchObject({ kind: "external", href: `${PORTAL}/counter` });
    const withCard = view({ portal: { available: true, cards: [hanakoCard] } });
    const progress = walkthroughProgress(withCard);
    expect(progress.chapters).toMatchObject({ card: "done", opening: "next", login: "todo", move: "todo", staff: "todo" });
    expect(progress.card?.id).toBe("card-1");
  });

  it("offers to resume a signing left at the portal", () => {
    const pending = view({ portal: { available: true, cards: [hanakoCard] }, journeys: { opening: { ...journey("opening", "awaitingApproval"), approvalUrl: `${PORTAL}/approve/x` } } });
    expect(nextAction(walkthroughProgress(pending), pending, PORTAL)?.link).toMatchObject({ kind: "external", href: `${PORTAL}/approve/x` });
  });

  it("after the opening: login next, staff view there to look at", () => {
    const opened = view({ portal: { available: true, cards: [{ ...hanakoCard, signingSerial: "aa" }] }, journeys: { opening: journey("opening", "completed") }, customer: account() });
    expect(walkthroughProgress(opened).chapters).toMatchObject({ card: "done", opening: "done", staff: "done", login: "next", move: "todo" });
  });

  it("follows the move: counter → re-validation → consent refresh, from the card's S and the bank's records", () => {
    const base = { journeys: { opening: journey("opening", "completed"), login: journey("login", "completed") } };
    const notMoved = view({ ...base, portal: { available: true, cards: [{ ...hanakoCard, signingSerial: "aa" }] }, customer: account() });
    expect(walkthroughProgress(notMoved).move).toEqual({ moved: false, bankCaughtUp: false, refreshed: false });
    expect(nextAction(walkthroughProgress(notMoved), notMoved, PORTAL)?.link).toMatchObject({ href: `${PORTAL}/counter/cards/card-1` });

    const moved = view({ ...base, portal: { available: true, cards: [{ ...hanakoCard, signingSerial: "cc" }] }, customer: account() });
    expect(walkthroughProgress(moved).move).toEqual({ moved: true, bankCaughtUp: false, refreshed: false });
    expect(nextAction(walkthroughProgress(moved), moved, PORTAL)?.link).toMatchObject({ kind: "route", to: "/staff/revalidations" });

    const flagged = view({ ...base, portal: { available: true, cards: [{ ...hanakoCard, signingSerial: "cc" }] }, customer: account({ attributesMayHaveChanged: true }, [], "cc") });
    expect(walkthroughProgress(flagged).move).toEqual({ moved: true, bankCaughtUp: true, refreshed: false });
    expect(nextAction(walkthroughProgress(flagged), flagged, PORTAL)?.link).toMatchObject({ to: "/login" });

    const refreshed = view({ ...base, journeys: { ...base.journeys, attributeRefresh: journey("attributeRefresh", "completed") }, customer: account({}, [{ at: "", kind: "attributesUpdated", summary: "" }], "cc") });
    const done = walkthroughProgress(refreshed);
    expect(done.next).toBeUndefined();
    expect(Object.values(done.chapters).every((s) => s === "done")).toBe(true);
    expect(nextAction(done, refreshed, PORTAL)).toBeUndefined();
  });

  it("works without the portal", () => {
    const down = view({ portal: { available: false, error: "portal is not reachable" } });
    expect(walkthroughProgress(down).next).toBe("card");
  });
});
