// A blocked R PIN at a bank's login: three wrong PINs lock the card, the approval page sends 花子 to the
// counter, the counter resets the PIN, she comes back to the same request and logs in; the bank's redeemed
// signature verifies with her R certificate.
import { createPublicKey, verify } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E } from "../playwright.config.js";
import { bankPost, issueHanakoAtCounter, serveBankCallback } from "./support.js";

serveBankCallback();

test("wrong R PIN three times → blocked → PIN reset at the counter → login approved", async ({ page }) => {
  const cardId = await issueHanakoAtCounter(page);

  const challenge = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
  const state = `login-${Date.now()}`;
  const created = await bankPost<{ approvalUrl: string }>("/api/v1/signing-requests", {
    kind: "auth",
    challenge: challenge.toString("base64"),
    displayText: "サンドボックス銀行 ログイン / log in",
    returnUrl: `${E2E.bankOrigin}/login/callback`,
    state,
  });

  await page.goto(created.approvalUrl);
  await page.getByTestId(`approval-card-${cardId}`).check();
  for (const [wrong, left] of [["0000", 2], ["0001", 1]] as const) {
    await page.getByTestId("approval-pin").fill(wrong);
    await page.getByTestId("approve").click();
    await expect(page.getByTestId("pin-incorrect")).toContainText(`${left}`);
  }
  await page.getByTestId("approval-pin").fill("0002");
  await page.getByTestId("approve").click();
  const blocked = page.getByTestId("pin-blocked");
  await expect(blocked).toBeVisible();
  await blocked.getByRole("link").click();

  await expect(page).toHaveURL(new RegExp(`/counter/cards/${cardId}`));
  await page.getByTestId("pin-reset-kind-userAuth").check();
  await page.getByTestId("reset-pin").fill("5678");
  await page.getByTestId("reset-pin-confirm").fill("5678");
  await page.getByTestId("pin-reset").click();
  await page.getByTestId("return-to-approval").click();

  await page.getByTestId(`approval-card-${cardId}`).check();
  await page.getByTestId("approval-pin").fill("5678");
  await page.getByTestId("approve").click();
  await page.waitForURL(`${E2E.bankOrigin}/login/callback**`);
  const back = new URL(page.url());
  const result = await bankPost<{ signature: string; userAuthCertificate: string }>("/api/v1/signing-results", { code: back.searchParams.get("code"), state });
  const key = createPublicKey(result.userAuthCertificate);
  expect(verify("sha256", challenge, key, Buffer.from(result.signature, "base64"))).toBe(true);
});
