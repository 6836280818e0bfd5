// The fixtures as a relying party's team uses them: the test plays the bank's server (a signing request at
// the portal, the code redeemed), the browser plays the citizen through the portal's pages.
import { base64ToBytes, verifyCms } from "@jpki-sandbox/jpki-core";
// From source, so `typecheck` needs no build of this package (the same module as the subpath export).
import { expect, test } from "../src/playwright/index.js";
import { E2E_BANK } from "./global-setup.js";

const bankAuthorization = `Basic ${Buffer.from(`${E2E_BANK.id}:${E2E_BANK.secret}`).toString("base64")}`;

async function bankPost<T>(portalUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(portalUrl + path, { method: "POST", headers: { authorization: bankAuthorization, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const application = "口座開設申込書 / Account application — TEST ONLY";

test("approveAtPortal: the citizen fixture's card signs the relying party's document in the browser", async ({ page, sandbox, citizen, portal }) => {
  const { approvalUrl } = await bankPost<{ approvalUrl: string }>(sandbox.portalUrl, "/api/v1/signing-requests", {
    kind: "sign",
    document: Buffer.from(application).toString("base64"),
    documentContentType: "text/plain; charset=utf-8",
    displayText: "口座開設 / Open account",
    returnUrl: `${sandbox.bankUrl}/callback`,
    state: "e2e-state-0001",
  });
  await page.goto(approvalUrl);
  const landed = new URL(await portal.approveAtPortal(page, { cardId: citizen.card.id, pin: citizen.card.pins.signing! }));
  expect(landed.origin).toBe(sandbox.bankUrl);
  expect(landed.searchParams.get("state")).toBe("e2e-state-0001");
  const result = await bankPost<{ signedData: string }>(sandbox.portalUrl, "/api/v1/signing-results", { code: landed.searchParams.get("code"), state: "e2e-state-0001" });
  expect(new TextDecoder().decode((await verifyCms(base64ToBytes(result.signedData))).content)).toBe(application);
});

test("a wrong PIN on the approval page is PIN_INCORRECT with the tries left; cancelAtPortal goes back with access_denied", async ({ page, sandbox, citizen, portal }) => {
  const { approvalUrl } = await bankPost<{ approvalUrl: string }>(sandbox.portalUrl, "/api/v1/signing-requests", {
    kind: "auth",
    challenge: Buffer.alloc(32, 1).toString("base64"),
    displayText: "ログイン / Log in",
    returnUrl: `${sandbox.bankUrl}/callback`,
    state: "e2e-state-0002",
  });
  await page.goto(approvalUrl);
  await expect(portal.approveAtPortal(page, { cardId: citizen.card.id, pin: "9999" })).rejects.toMatchObject({ code: "PIN_INCORRECT", triesLeft: 2 });
  expect((await citizen.card.pinStatus()).userAuth.triesLeft).toBe(2);
  const landed = new URL(await portal.cancelAtPortal(page));
  expect(landed.searchParams.get("error")).toBe("access_denied");
});

test("issueCardAtCounter: a synthetic resident's card issued through the counter page", async ({ page, sandbox, portal }) => {
  const cardId = await portal.issueCardAtCounter(page, { persona: "random" });
  const card = await sandbox.card(cardId, { userAuth: "1234", signing: "SANDBOX1" });
  expect(card.status).toBe("active");
  expect(card.signingSerial).toBeDefined();
  await card.authenticate("issued in the browser");
});

test.describe("with 花子", () => {
  test.use({ citizenOptions: { persona: "hanako" } });

  test("the citizen fixture is 花子 with her PINs", async ({ citizen }) => {
    expect(citizen.persona.name).toBe("総務\u3000花子");
    expect(citizen.card.pins).toEqual({ userAuth: "1234", signing: "HANAKO2010" });
  });
});
