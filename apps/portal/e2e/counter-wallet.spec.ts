// A person at the municipal counter issues 花子's card and finds it in the wallet: both certificates good at
// jlis OCSP, her four attributes in the S certificate only.
import { expect, test } from "@playwright/test";

test("counter → issue 花子's card → wallet shows both certificates good", async ({ page }) => {
  await page.goto("/counter");
  await page.getByTestId("persona-hanako").click();
  await page.getByTestId("user-auth-pin").fill("1234");
  await page.getByTestId("user-auth-pin-confirm").fill("1234");
  await page.getByTestId("signing-pin").fill("HANAKO2010");
  await page.getByTestId("signing-pin-confirm").fill("HANAKO2010");
  await page.getByTestId("issue-card").click();

  await expect(page).toHaveURL(/\/cards\/[^/]+$/, { timeout: 30_000 });
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
