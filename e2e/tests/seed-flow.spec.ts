// The slide end to end, as a person walks it: 花子 gets her card at the municipal counter, opens an account at
// the bank with an application signed with S (①–⑧, every step passed, the S–R link kept), the bank's staff
// see that link, she logs out, and logs in with R alone (①'–⑥').
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { expect, test } from "@jpki-sandbox/sandbox/playwright";
import { E2E } from "../playwright.config.js";
import { expectStepsPassed, LOGIN_STEPS, logIn, openAccount, OPENING_STEPS, shot, staffPage } from "../support/bank.js";

const PINS = { userAuth: "1234", signing: "HANAKO2010" } as const;

test("seed flow: account opening with S and login with R", async ({ page, browser, portal }) => {
  // The counter: 花子's card, its keys made on the card, both certificates written into it.
  const cardId = await portal.issueCardAtCounter(page, { persona: "hanako", pins: PINS });
  await expect(page.getByTestId("certificate-S")).toBeVisible();
  await page.screenshot({ path: shot("seed-01-card"), fullPage: true });

  // ①–⑧ at the bank, approved at the portal with the S PIN.
  await openAccount(page, HANAKO, cardId, PINS.signing);
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await expect(page.getByTestId("journey-banner")).toContainText("口座を開設しました");
  await expectStepsPassed(page, OPENING_STEPS);
  const signingSerial = (await page.getByTestId("journey-link-pair-s").textContent())?.trim() ?? "";
  const userAuthSerial = (await page.getByTestId("journey-link-pair-r").textContent())?.trim() ?? "";
  expect(signingSerial).toMatch(/^[0-9a-f]+$/);
  expect(userAuthSerial).toMatch(/^[0-9a-f]+$/);
  expect(userAuthSerial).not.toBe(signingSerial);
  await page.screenshot({ path: shot("seed-02-opening"), fullPage: true });

  // The staff view shows her S–R link.
  const staff = await staffPage(browser);
  await staff.goto("/staff");
  const row = staff.locator("tr", { hasText: HANAKO.name });
  await expect(row).toContainText(signingSerial);
  await expect(row).toContainText(userAuthSerial);
  await row.getByTestId("customer-link").click();
  await expect(staff.getByTestId("current-link")).toContainText(signingSerial);
  await expect(staff.getByTestId("current-link")).toContainText(userAuthSerial);
  await staff.screenshot({ path: shot("seed-03-staff"), fullPage: true });
  await staff.context().close();

  // Log out when the opening left her logged in; then my account asks her to log in.
  await page.goto(`${E2E.bankUrl}/account`);
  const logout = page.getByTestId("logout");
  const notLoggedIn = page.getByTestId("not-logged-in");
  await expect(logout.or(notLoggedIn)).toBeVisible();
  if (await logout.isVisible()) {
    await logout.click();
    await expect(page).toHaveURL(`${E2E.bankUrl}/`);
    await page.goto(`${E2E.bankUrl}/account`);
  }
  await expect(notLoggedIn).toBeVisible();

  // ①'–⑥' with the R PIN: the R serial alone finds her.
  await logIn(page, cardId, PINS.userAuth);
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await expect(page.getByTestId("journey-banner")).toContainText("ログインしました");
  await expectStepsPassed(page, LOGIN_STEPS);
  await expect(page.getByTestId("who")).toContainText(HANAKO.name);
  await page.screenshot({ path: shot("seed-04-login"), fullPage: true });

  await page.goto(`${E2E.bankUrl}/account`);
  await expect(page.getByTestId("customer-name")).toHaveText(HANAKO.name);
  await expect(page.getByTestId("account-link-pair-s")).toHaveText(signingSerial);
  await expect(page.getByTestId("account-link-pair-r")).toHaveText(userAuthSerial);
});
