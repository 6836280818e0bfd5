// What the bank's journeys share: 花子's card issued at the portal's counter and her approval at the portal,
// through packages/sandbox's page helpers (the same ones a bank team's own tests use), then back at the bank.
import { HANAKO_PINS as SANDBOX_HANAKO_PINS } from "@jpki-sandbox/sandbox";
import { approveAtPortal as approve, issueCardAtCounter } from "@jpki-sandbox/sandbox/playwright";
import { expect, type Page } from "@playwright/test";
import { E2E } from "../playwright.config.js";

/** 花子's PINs: R is 4 digits, S is 6–16 digits and upper-case letters (JPKI.md "The two certificates"). */
export const HANAKO_PINS = SANDBOX_HANAKO_PINS;

/** Where screenshots go for a person to look at (test-results/ is kept after the run). */
export const shot = (name: string) => `test-results/screens/${name}.png`;

/** At the portal's counter: pick 花子, set both PINs, issue; lands on the new card's page. Returns the card id. */
export function issueHanakoAtCounter(page: Page): Promise<string> {
  return issueCardAtCounter(page, { persona: "hanako", pins: HANAKO_PINS, portalUrl: E2E.portalUrl });
}

/** At the portal's approval page (② / ②'): approve with the card and PIN; back at the bank's journey page. */
export async function approveAtPortal(page: Page, cardId: string, pin: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`^${E2E.portalUrl}/approve/`));
  await approve(page, { cardId, pin });
  await page.waitForURL(new RegExp(`^${E2E.bankUrl}/journeys/[^/?#]+$`), { timeout: 60_000 });
  return new URL(page.url()).pathname.split("/").pop() as string;
}
