// What a person does at the bank in these journeys, and what the tests read off its pages. The portal side
// (counter, approval) comes from packages/sandbox's Playwright helpers, as a bank team's own tests would use.
import { approveAtPortal } from "@jpki-sandbox/sandbox/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { E2E } from "../playwright.config.js";

export const OPENING_STEPS = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"] as const;
export const LOGIN_STEPS = ["①'", "②'", "③'", "④'", "⑤'", "⑥'"] as const;

/** The four attributes as the application form takes them. */
export interface Applicant {
  name: string;
  dateOfBirth: string;
  sex: "male" | "female" | "unspecified";
  address: string;
}

/** Where screenshots go for a person to look at (test-results/ is kept after the run). */
export const shot = (name: string) => `test-results/screens/${name}.png`;

/** ① at /open: the form filled with the applicant's four attributes and sent; the browser is at the portal. */
export async function applyForAccount(page: Page, applicant: Applicant): Promise<void> {
  await page.goto(`${E2E.bankUrl}/open`);
  await page.getByTestId("field-name").fill(applicant.name);
  await page.getByTestId("field-dateOfBirth").fill(applicant.dateOfBirth);
  await page.getByTestId(`field-sex-${applicant.sex}`).check();
  await page.getByTestId("field-address").fill(applicant.address);
  await page.getByTestId("open-submit").click();
  await expect(page.getByTestId("approval-document")).toContainText(applicant.name);
}

/** ①–⑧: apply, approve at the portal with the S PIN, and land on the journey page. Returns the journey id. */
export async function openAccount(page: Page, applicant: Applicant, cardId: string, signingPin: string): Promise<string> {
  await applyForAccount(page, applicant);
  await approveAtPortal(page, { cardId, pin: signingPin });
  return landOnJourney(page);
}

/** ①'–⑥': start a login and approve it at the portal with the R PIN. Returns the journey id. */
export async function logIn(page: Page, cardId: string, userAuthPin: string): Promise<string> {
  await startLogin(page);
  await approveAtPortal(page, { cardId, pin: userAuthPin });
  return landOnJourney(page);
}

/** ①' at /login: the challenge is made and the browser is at the portal's approval page. */
export async function startLogin(page: Page): Promise<void> {
  await page.goto(`${E2E.bankUrl}/login`);
  await page.getByTestId("login-start").click();
  await expect(page.getByTestId("approval-challenge")).toBeVisible();
}

/** Back at the bank: the journey page the callback redirected to. */
export async function landOnJourney(page: Page): Promise<string> {
  await page.waitForURL(new RegExp(`^${E2E.bankUrl}/journeys/[^/?#]+$`), { timeout: 60_000 });
  await expect(page.getByTestId("journey-status")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/** Every numbered step of the journey page passed, and nothing failed. */
export async function expectStepsPassed(page: Page, numbers: readonly string[]): Promise<void> {
  for (const n of numbers) {
    const step = page.locator(`.step[data-number="${n}"]`).first();
    await expect(step, `step ${n}`).toBeVisible();
    await expect(step.locator(".step-head .badge"), `step ${n}`).toContainText("合格");
  }
  await expect(page.locator(".step.step-failed")).toHaveCount(0);
  await expect(page.locator(".check.check-failed")).toHaveCount(0);
}

/** The journey was refused with `code` (the stable code the bank shows and documents). */
export async function expectRefused(page: Page, code: string): Promise<void> {
  await expect(page.getByTestId("journey-status")).toContainText("拒否");
  await expect(page.getByTestId("rejection-code")).toHaveText(code);
}

/** The bank's staff in their own browser context (HTTP Basic, user staff). */
export async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E.bankUrl, httpCredentials: E2E.staff, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  return context.newPage();
}

/** Staff: "Re-validate now" on the re-validation page; returns the finished run (the page highlights it). */
export async function revalidateNow(staff: Page) {
  await staff.goto("/staff/revalidations");
  await staff.getByTestId("revalidate-now").click();
  const run = staff.locator(".card-highlight[data-testid^='run-']");
  await expect(run).toBeVisible({ timeout: 60_000 });
  return run;
}
