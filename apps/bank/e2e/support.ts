// What the bank's journeys share: 花子's card issued at the portal's counter as a person would, and her approval
// at the portal (pick the card, type the PIN, approve) — the portal's own selectors (ApprovalPage.tsx).
import { expect, type Page } from "@playwright/test";
import { E2E } from "../playwright.config.js";

/** 花子's PINs: R is 4 digits, S is 6–16 digits and upper-case letters (JPKI.md "The two certificates"). */
export const HANAKO_PINS = { userAuth: "1234", signing: "HANAKO2010" } as const;

/** Where screenshots go for a person to look at (test-results/ is kept after the run). */
export const shot = (name: string) => `test-results/screens/${name}.png`;

/** At the portal's counter: pick 花子, set both PINs, issue; lands on the new card's page. Returns the card id. */
export async function issueHanakoAtCounter(page: Page): Promise<string> {
  await page.goto(`${E2E.portalUrl}/counter`);
  await page.getByTestId("persona-hanako").click();
  await page.getByTestId("user-auth-pin").fill(HANAKO_PINS.userAuth);
  await page.getByTestId("user-auth-pin-confirm").fill(HANAKO_PINS.userAuth);
  await page.getByTestId("signing-pin").fill(HANAKO_PINS.signing);
  await page.getByTestId("signing-pin-confirm").fill(HANAKO_PINS.signing);
  await page.getByTestId("issue-card").click();
  await expect(page).toHaveURL(/\/cards\/[^/]+$/, { timeout: 30_000 });
  return page.url().split("/").pop() as string;
}

/**
 * At the portal's approval page the bank sent the browser to (② / ②'): check the request, pick the card, type
 * the PIN, approve; the browser goes back to the bank's /callback, which redirects to /journeys/:id.
 */
export async function approveAtPortal(page: Page, cardId: string, pin: string, screenshot?: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`^${E2E.portalUrl}/approve/`));
  await expect(page.getByTestId("approval-status")).toContainText("確認待ち");
  await page.getByTestId(`approval-card-${cardId}`).check();
  await page.getByTestId("approval-pin").fill(pin);
  if (screenshot !== undefined) await page.screenshot({ path: shot(screenshot), fullPage: true });
  await page.getByTestId("approve").click();
  await page.waitForURL(new RegExp(`^${E2E.bankUrl}/journeys/[^/?#]+$`), { timeout: 60_000 });
  return new URL(page.url()).pathname.split("/").pop() as string;
}
