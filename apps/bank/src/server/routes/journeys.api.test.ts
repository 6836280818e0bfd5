/**
 * The slide's flow against a real jlis and portal: account opening ①–⑧ with 花子's S, the S–R link, login
 * ①'–⑥' with her R, and the refusals on the way (cancelled, reused code, foreign browser, mismatch, replay).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBrowser } from "@jpki-sandbox/service-kit/testing";
import { HANAKO_FORM, HANAKO_PINS, startBankSandbox, TEST_PORTAL_CLIENT, type BankSandbox, type IssuedCard } from "../../test-support/test-sandbox.js";
import type { AccountView, StaffCustomerSummary } from "../../shared/api-types.js";

let t: BankSandbox;
let card: IssuedCard;

beforeAll(async () => {
  t = await startBankSandbox();
  card = await t.issueCard();
});
afterAll(() => t?.stop());

describe("account opening ①–⑧ and login ①'–⑥'", () => {
  it("opens 花子's account: every step passes and the S–R link is kept", async () => {
    const journey = await t.openAccount(card.id);
    expect(journey.rejection).toBeUndefined();
    expect(journey.status).toBe("completed");
    expect(journey.steps.map((s) => [s.number, s.outcome])).toEqual([
      ["①", "passed"], ["②", "passed"], ["③", "passed"], ["④", "passed"], ["⑤", "passed"], ["⑥", "passed"], ["", "passed"], ["", "passed"], ["⑦", "passed"], ["⑧", "passed"],
    ]);
    expect(journey.link).toMatchObject({ signingSerial: card.signingSerial, userAuthSerial: card.userAuthSerial, source: "opening", active: true });
    expect(journey.steps.find((s) => s.key === "ocspResponse")?.message?.contentType).toBe("application/ocsp-response");

    const staff = await t.staff.get("/api/staff/customers");
    const { customers } = (await staff.json()) as { customers: StaffCustomerSummary[] };
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ name: HANAKO_FORM.name, link: { signingSerial: card.signingSerial, userAuthSerial: card.userAuthSerial } });
  });

  it("refuses a second account for the same certificate (ALREADY_CUSTOMER)", async () => {
    const journey = await t.openAccount(card.id);
    expect(journey.status).toBe("rejected");
    expect(journey.rejection?.code).toBe("ALREADY_CUSTOMER");
  });

  it("logs her in with R: ①'–⑥' pass, the R serial finds her, and a session starts", async () => {
    expect((await t.customer.get("/api/account")).status).toBe(401);
    const journey = await t.logIn(card.id);
    expect(journey.rejection).toBeUndefined();
    expect(journey.steps.map((s) => [s.number, s.outcome])).toEqual([
      ["①'", "passed"], ["②'", "passed"], ["③'", "passed"], ["④'", "passed"], ["⑤'", "passed"], ["⑥'", "passed"], ["", "passed"], ["", "passed"],
    ]);
    const account = (await (await t.customer.get("/api/account")).json()) as AccountView;
    expect(account.customer).toMatchObject({ name: HANAKO_FORM.name, dateOfBirth: "2010-03-31", sex: "female", status: "active" });
    expect(account.link?.userAuthSerial).toBe(card.userAuthSerial);

    expect((await t.customer.post("/api/logout")).status).toBe(204);
    expect((await t.customer.get("/api/account")).status).toBe(401);
  });

  it("shows a journey only to the browser that started it", async () => {
    const { journeyId } = await t.start("/api/logins");
    expect((await t.customer.get(`/api/journeys/${journeyId}`)).status).toBe(200);
    const stranger = createTestBrowser(t.bankUrl);
    const response = await stranger.get(`/api/journeys/${journeyId}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe("JOURNEY_NOT_FOUND");
  });

  it("refuses a return from the portal in another browser (CALLBACK_INVALID) and leaves the journey to its owner", async () => {
    const { approvalUrl, journeyId } = await t.start("/api/logins");
    const callback = await t.approve(approvalUrl, card.id, HANAKO_PINS.userAuthPin);
    const stranger = createTestBrowser(t.bankUrl);
    const response = await stranger.get(callback);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("CALLBACK_INVALID");
    const journey = await t.returnToBank(callback);
    expect(journey).toMatchObject({ id: journeyId, status: "completed" });
  });

  it("a cancel at the portal comes back as APPROVAL_CANCELLED", async () => {
    const { approvalUrl } = await t.start("/api/logins");
    const journey = await t.returnToBank(await t.cancel(approvalUrl));
    expect(journey.status).toBe("cancelled");
    expect(journey.rejection?.code).toBe("APPROVAL_CANCELLED");
    expect(journey.steps.find((s) => s.key === "signRequest")?.outcome).toBe("failed");
  });

  it("a code someone else redeemed first is APPROVAL_CODE_REUSED", async () => {
    const { approvalUrl } = await t.start("/api/logins");
    const callback = new URL(await t.approve(approvalUrl, card.id, HANAKO_PINS.userAuthPin));
    const stolen = await fetch(`${t.portalUrl}/api/v1/signing-results`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${TEST_PORTAL_CLIENT.id}:${TEST_PORTAL_CLIENT.secret}`).toString("base64")}` },
      body: JSON.stringify({ code: callback.searchParams.get("code"), state: callback.searchParams.get("state") }),
    });
    expect(stolen.status).toBe(200);
    const journey = await t.returnToBank(callback.toString());
    expect(journey.rejection?.code).toBe("APPROVAL_CODE_REUSED");
  });

  it("coming back twice shows the same result without redeeming again", async () => {
    const { approvalUrl } = await t.start("/api/logins");
    const callback = await t.approve(approvalUrl, card.id, HANAKO_PINS.userAuthPin);
    const first = await t.returnToBank(callback);
    const second = await t.returnToBank(callback);
    expect(first.status).toBe("completed");
    expect(second).toEqual(first);
  });

  it("names the fields that differ from the certificate (ATTRIBUTES_MISMATCH), width and spaces aside", async () => {
    const other = await t.issueCard({ ...(await import("@jpki-sandbox/jpki-core")).HANAKO, id: "hanako-2" });
    const journey = await t.openAccount(other.id, { name: "総務 花子", dateOfBirth: "2010-03-30", sex: "female", address: "東京都千代田区霞が関二丁目1番2号" });
    expect(journey.rejection?.code).toBe("ATTRIBUTES_MISMATCH");
    expect(journey.rejection?.fields).toEqual(["dateOfBirth"]);
    expect(journey.steps.find((s) => s.key === "match")?.checks.map((c) => c.outcome)).toEqual(["passed", "failed", "passed", "passed"]);
  });

  it("validates the form at the boundary (VALIDATION_FAILED) and needs the CSRF token", async () => {
    const bad = await t.customer.post("/api/applications", { ...HANAKO_FORM, dateOfBirth: "31/03/2010" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("VALIDATION_FAILED");
    const noToken = await t.customer.post("/api/applications", HANAKO_FORM, { csrf: false });
    expect(noToken.status).toBe(403);
  });
});
