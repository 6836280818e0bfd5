// A scripted bank asks 花子 to sign an application: the browser goes to the portal, she picks her card, gets
// the S PIN wrong once (tries left shown), then right; the browser comes back to the bank with a code, the
// bank redeems it, and `openssl cms -verify` accepts the CMS against jlis's S CA.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../playwright.config.js";
import { bankFetch, bankPost, HANAKO_PINS, issueHanakoAtCounter, serveBankCallback } from "./support.js";

const APPLICATION = "口座開設申込書 — 総務　花子 / 2010-03-31 / 女 / 東京都千代田区霞が関二丁目１番２号";
serveBankCallback();

test("a bank's sign request: approve with the S PIN, redeem the code, openssl cms -verify accepts", async ({ page }) => {
  const cardId = await issueHanakoAtCounter(page);

  const state = `e2e-${Date.now()}`;
  const created = await bankPost<{ approvalUrl: string }>("/api/v1/signing-requests", {
    kind: "sign",
    document: Buffer.from(APPLICATION, "utf8").toString("base64"),
    documentContentType: "text/plain; charset=utf-8",
    displayText: "サンドボックス銀行 口座開設 / open an account",
    returnUrl: `${E2E.bankOrigin}/callback`,
    state,
  });

  await page.goto(created.approvalUrl);
  await expect(page.getByText(APPLICATION)).toBeVisible();
  await page.getByTestId(`approval-card-${cardId}`).check();
  await page.getByTestId("approval-pin").fill("WRONG0000");
  await page.getByTestId("approve").click();
  await expect(page.getByTestId("problem")).toContainText("4");
  await page.getByTestId("approval-pin").fill(HANAKO_PINS.signing);
  await page.getByTestId("approve").click();

  await page.waitForURL(`${E2E.bankOrigin}/callback**`);
  const back = new URL(page.url());
  expect(back.searchParams.get("state")).toBe(state);
  const code = back.searchParams.get("code") as string;
  const result = await bankPost<{ signedData: string }>("/api/v1/signing-results", { code, state });

  const dir = mkdtempSync(path.join(tmpdir(), "portal-e2e-"));
  writeFileSync(path.join(dir, "application.cms"), Buffer.from(result.signedData, "base64"));
  writeFileSync(path.join(dir, "s-ca.cer"), Buffer.from(await (await fetch(`${E2E.jlisUrl}/ca/s.cer`)).arrayBuffer()));
  execFileSync("openssl", ["x509", "-inform", "DER", "-in", path.join(dir, "s-ca.cer"), "-out", path.join(dir, "s-ca.pem")]);
  const verified = execFileSync("openssl", ["cms", "-verify", "-inform", "DER", "-in", path.join(dir, "application.cms"), "-CAfile", path.join(dir, "s-ca.pem"), "-purpose", "any"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(verified.toString("utf8")).toBe(APPLICATION);

  // The code is single use.
  const replay = await bankFetch("/api/v1/signing-results", { code, state });
  expect(replay.status).toBe(400);
});
