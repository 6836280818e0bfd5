/**
 * GET /api/walkthrough against the real in-process sandbox (jlis + portal + bank): before 花子 opens her
 * account, after she does, for a browser that did not start the journey, and with the portal unreachable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBrowser } from "@jpki-sandbox/service-kit/testing";
import { HANAKO_FORM, startBankSandbox, type BankSandbox, type IssuedCard } from "../../test-support/test-sandbox.js";
import type { JourneyView, WalkthroughView } from "../../shared/api-types.js";
import { createPortalCards } from "./portal-cards.js";

let t: BankSandbox;
let card: IssuedCard;
/** 花子's opening, from the test that makes it. */
let opened: JourneyView;

beforeAll(async () => {
  t = await startBankSandbox();
  card = await t.issueCard();
});
afterAll(() => t?.stop());

async function walkthrough(browser: BankSandbox["customer"]): Promise<WalkthroughView> {
  const response = await browser.get("/api/walkthrough");
  expect(response.status).toBe(200);
  return (await response.json()) as WalkthroughView;
}

describe("GET /api/walkthrough", () => {
  it("before any journey: no journeys, no customer, and the portal's cards with 花子's demo PINs", async () => {
    const view = await walkthrough(t.customer);
    expect(view.journeys).toEqual({});
    expect(view.customer).toBeNull();
    expect(view.portalUrl).toBe(t.portalUrl);
    expect(view.portal.available).toBe(true);
    if (!view.portal.available) return;
    expect(view.portal.cards).toEqual([
      { id: card.id, holderName: HANAKO_FORM.name, status: "active", hasSigningCertificate: true, demoPins: { userAuth: "1234", signing: "HANAKO2010" } },
    ]);
  });

  it("after the opening: its steps and messages, the account it opened with the S–R link, and her card's current S", async () => {
    opened = await t.openAccount(card.id);
    expect(opened.status).toBe("completed");
    const view = await walkthrough(t.customer);
    expect(Object.keys(view.journeys)).toEqual(["opening"]);
    const opening = view.journeys.opening!;
    expect(opening).toMatchObject({ id: opened.id, status: "completed", link: { signingSerial: card.signingSerial, userAuthSerial: card.userAuthSerial } });
    expect(opening.steps.map((s) => s.message?.contentType).filter(Boolean)).toEqual(
      expect.arrayContaining(["application/pkcs7-mime", "application/ocsp-request", "application/ocsp-response", "text/plain", "application/json"]),
    );
    expect(view.customer).toMatchObject({ source: "opening", customer: { name: HANAKO_FORM.name, status: "active", attributesMayHaveChanged: false }, link: { signingSerial: card.signingSerial } });
    expect(view.portal.available && view.portal.cards[0]?.signingSerial).toBe(card.signingSerial);
  });

  it("shows the latest journey of each kind, and the logged-in customer", async () => {
    await t.logIn(card.id);
    const second = await t.logIn(card.id);
    const view = await walkthrough(t.customer);
    expect(view.journeys.opening?.id).toBe(opened.id);
    expect(view.journeys.login?.id).toBe(second.id);
    expect(view.customer?.source).toBe("session");
  });

  it("shows another browser none of this browser's journeys", async () => {
    const stranger = createTestBrowser(t.bankUrl);
    await t.start("/api/logins");
    const view = await walkthrough(stranger);
    expect(view.journeys).toEqual({});
    expect(view.customer).toBeNull();
  });
});

describe("the portal's cards", () => {
  it("says the portal is unavailable instead of failing", async () => {
    const cards = await createPortalCards("http://127.0.0.1:9").list(undefined);
    expect(cards.available).toBe(false);
    expect(!cards.available && cards.error).toMatch(/portal/);
  });
});
