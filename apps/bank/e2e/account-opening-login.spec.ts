// The slide end to end (issue 6, done when): 花子 gets her card at the portal's counter, opens an account at the
// bank with an application signed with S (①–⑧, every step passed, the S–R link kept), the staff view shows that
// link, she logs out, and logs in with R alone (①'–⑥'); her account page shows her.
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config.js";
import { HANAKO_PINS, approveAtPortal, issueHanakoAtCounter, shot } from "./support.js";

const OPENING_STEPS = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"];
const LOGIN_STEPS = ["①'", "②'", "③'", "④'", "⑤'", "⑥'"];

/** Every numbered step of the journey page passed, and nothing failed. */
async function expectStepsPassed(page: Page, numbers: readonly string[]) {
  for (const n of numbers) {
    const step = page.locator(`.step[data-number="${n}"]`).first();
    await expect(step, `step ${n}`).toBeVisible();
    await expect(step.locator(".step-head .badge"), `step ${n}`).toContainText("合格");
  }
  await expect(page.locator(".step.step-failed")).toHaveCount(0);
  await expect(page.locator(".check.check-failed")).toHaveCount(0);
}

test("花子 opens an account with S (①–⑧), staff see her S–R link, she logs out and logs in with R (①'–⑥')", async ({ page, browser }) => {
  const cardId = await issueHanakoAtCounter(page);

  // The bank's home: what it demonstrates, sandbox-marked.
  await page.goto("/");
  await expect(page.getByTestId("sandbox-banner")).toContainText("TEST ONLY");
  await expect(page.getByTestId("sandbox-time")).toContainText("JST");
  await page.screenshot({ path: shot("01-home"), fullPage: true });

  // ① the application.
  await page.getByTestId("home-open").click();
  await expect(page).toHaveURL(/\/open$/);
  await page.getByTestId("fill-hanako").click();
  await expect(page.getByTestId("field-name")).toHaveValue("総務　花子");
  await expect(page.getByTestId("field-sex-female")).toBeChecked();
  await page.screenshot({ path: shot("02-open"), fullPage: true });
  await page.getByTestId("open-submit").click();

  // ②③ at the portal: the card signs the application with the S key.
  await expect(page.getByTestId("approval-document")).toContainText("総務　花子", { timeout: 30_000 });
  const openingId = await approveAtPortal(page, cardId, HANAKO_PINS.signing, "03-portal-approve-S");

  // ④–⑧ back at the bank: every step passed, the S–R link kept.
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await expect(page.getByTestId("journey-banner")).toContainText("口座を開設しました");
  await expectStepsPassed(page, OPENING_STEPS);
  await expect(page.getByTestId("flow-strip")).toContainText("すべて合格");
  const signingSerial = (await page.getByTestId("journey-link-pair-s").textContent())?.trim() ?? "";
  const userAuthSerial = (await page.getByTestId("journey-link-pair-r").textContent())?.trim() ?? "";
  expect(signingSerial).toMatch(/^[0-9a-f]+$/);
  expect(userAuthSerial).toMatch(/^[0-9a-f]+$/);
  expect(userAuthSerial).not.toBe(signingSerial);
  await page.screenshot({ path: shot("04-journey-opening"), fullPage: true });

  // The staff view (HTTP Basic, user "staff") shows her S–R link.
  const staff = await browser.newContext({ baseURL: E2E.bankUrl, httpCredentials: E2E.staff, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const staffPage = await staff.newPage();
  await staffPage.goto("/staff");
  const row = staffPage.locator("tr", { hasText: "総務　花子" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(signingSerial);
  await expect(row).toContainText(userAuthSerial);
  await staffPage.screenshot({ path: shot("05-staff-customers"), fullPage: true });
  await row.getByTestId("customer-link").click();
  await expect(staffPage.getByTestId("current-link")).toContainText(signingSerial);
  await expect(staffPage.getByTestId("current-link")).toContainText(userAuthSerial);
  const openingLink = staffPage.locator(`a[href="/staff/journeys/${openingId}"]`);
  await expect(openingLink).toBeVisible();
  await staffPage.screenshot({ path: shot("06-staff-customer"), fullPage: true });
  // Staff read any customer's journey: the same walkthrough, without the customer's own actions.
  await openingLink.click();
  await expect(staffPage.getByTestId("journey-status")).toContainText("完了");
  await expect(staffPage.getByTestId("journey-link")).toContainText(userAuthSerial);
  await staffPage.goto("/staff/revalidations");
  await staffPage.getByTestId("revalidate-now").click();
  const run = staffPage.locator("[data-testid^='run-']").first();
  await expect(run).toContainText("総務　花子");
  await expect(run).toContainText("good");
  await staffPage.screenshot({ path: shot("07-staff-revalidations"), fullPage: true });
  await staff.close();

  // Log out (when the opening left her logged in), and the account page asks her to log in.
  await page.goto("/account");
  const logout = page.getByTestId("logout");
  const notLoggedIn = page.getByTestId("not-logged-in");
  await expect(logout.or(notLoggedIn)).toBeVisible();
  if (await logout.isVisible()) {
    await page.screenshot({ path: shot("08-account-after-opening"), fullPage: true });
    await logout.click();
    await expect(page).toHaveURL(`${E2E.bankUrl}/`);
    await page.goto("/account");
  }
  await expect(notLoggedIn).toBeVisible();
  await page.screenshot({ path: shot("09-account-logged-out"), fullPage: true });

  // ①' login: a challenge, signed at the portal with the R key (②'③'), verified and checked at J-LIS (④'–⑥').
  await notLoggedIn.getByTestId("go-login").click();
  await expect(page).toHaveURL(/\/login$/);
  await page.screenshot({ path: shot("10-login"), fullPage: true });
  await page.getByTestId("login-start").click();
  await expect(page.getByTestId("approval-challenge")).toBeVisible({ timeout: 30_000 });
  await approveAtPortal(page, cardId, HANAKO_PINS.userAuth, "11-portal-approve-R");
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await expect(page.getByTestId("journey-banner")).toContainText("ログインしました");
  await expectStepsPassed(page, LOGIN_STEPS);
  await expect(page.getByTestId("who")).toContainText("総務　花子");
  await page.screenshot({ path: shot("12-journey-login"), fullPage: true });

  // Her account: she is the customer the R serial found, with the link the opening kept.
  await page.goto("/account");
  await expect(page.getByTestId("customer-name")).toHaveText("総務　花子");
  await expect(page.getByTestId("customer-status")).toContainText("利用中");
  await expect(page.getByTestId("account-link-pair-s")).toHaveText(signingSerial);
  await expect(page.getByTestId("account-link-pair-r")).toHaveText(userAuthSerial);
  await page.screenshot({ path: shot("13-account"), fullPage: true });
});
