// A person at the municipal counter issues 花子's card and finds it in the wallet: both certificates good at
// jlis OCSP, her four attributes in the S certificate only.
import { expect, test } from "@playwright/test";
import { issueHanakoAtCounter } from "./support.js";

test("counter → issue 花子's card → wallet shows both certificates good", async ({ page }) => {
  await issueHanakoAtCounter(page);
  const signing = page.getByTestId("certificate-S");
  const userAuth = page.getByTestId("certificate-R");
  await expect(signing).toContainText("総務　花子");
  await expect(signing).toContainText("420100331");
  await expect(signing).toContainText("東京都千代田区霞が関二丁目１番２号");
  await expect(userAuth).not.toContainText("総務　花子");
  await expect(userAuth).not.toContainText("420100331");
  await expect(page.getByTestId("status-S")).toContainText("有効", { timeout: 20_000 });
  await expect(page.getByTestId("status-R")).toContainText("有効");
  await page.screenshot({ path: "test-results/wallet-hanako.png", fullPage: true });
});
