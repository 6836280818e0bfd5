/**
 * What a person does at the portal in a browser, as page helpers over the portal's own test ids
 * (apps/portal src/web/pages/CounterPage.tsx and ApprovalPage.tsx): get a card at the municipal counter, and
 * answer a relying party's signing request on the approval page.
 */
import { expect, type Page } from "@playwright/test";
import type { CardPins } from "../card/card.js";
import { SandboxError } from "../errors.js";
import { DEFAULT_SIGNING_PIN, DEFAULT_USER_AUTH_PIN, HANAKO_PINS } from "../personas.js";

export interface IssueAtCounterOptions {
  /** 花子 (the seed) or a synthetic resident the counter page generates. Default "random". */
  persona?: "hanako" | "random";
  /** Default 花子's ("1234" / "HANAKO2010") or the sandbox's ("1234" / "SANDBOX1"). */
  pins?: CardPins;
  /** The portal's base URL; default the page's baseURL. */
  portalUrl?: string;
  /** Issuing makes two RSA keys on the card: default 30 s. */
  timeoutMs?: number;
}

/** At the counter: choose the resident, set both PINs (asking for S for an under-15), issue. Answers the card id. */
export async function issueCardAtCounter(page: Page, options: IssueAtCounterOptions = {}): Promise<string> {
  const persona = options.persona ?? "random";
  const pins = options.pins ?? (persona === "hanako" ? HANAKO_PINS : { userAuth: DEFAULT_USER_AUTH_PIN, signing: DEFAULT_SIGNING_PIN });
  await page.goto(`${options.portalUrl ?? ""}/counter`);
  const choice = page.getByTestId(`persona-${persona}`);
  await choice.click();
  // Chosen (a random one once the portal has generated it): the button is marked `selected`.
  await expect(choice).toHaveClass(/\bselected\b/);
  await page.getByTestId("user-auth-pin").fill(pins.userAuth);
  await page.getByTestId("user-auth-pin-confirm").fill(pins.userAuth);
  if (pins.signing !== undefined) {
    // A synthetic resident may be under 15 at sandbox time: S only on request (JPKI.md "Issued to").
    if (await page.getByTestId("no-signing-certificate").isVisible()) await page.getByTestId("request-signing-certificate").check();
    await page.getByTestId("signing-pin").fill(pins.signing);
    await page.getByTestId("signing-pin-confirm").fill(pins.signing);
  }
  await page.getByTestId("issue-card").click();
  await expect(page).toHaveURL(/\/cards\/[^/?#]+$/, { timeout: options.timeoutMs ?? 30_000 });
  return new URL(page.url()).pathname.split("/").pop() as string;
}

export interface ApproveAtPortalOptions {
  cardId: string;
  /** S PIN for a signing request, R PIN for a login. */
  pin: string;
  /** Taken just before approving, e.g. test-results/approval.png. */
  screenshotPath?: string;
  /** How long the card and the way back may take: default 60 s. */
  timeoutMs?: number;
}

const onApprovalPage = (url: URL) => /\/approve\/[^/]+\/?$/.test(url.pathname);

/**
 * On the approval page a relying party sent the browser to: pick the card, type the PIN, approve. Resolves
 * once the browser has left for the relying party's return URL (answers where it landed); a wrong PIN is a
 * SandboxError PIN_INCORRECT (`triesLeft`), a locked one PIN_BLOCKED, as the page shows them.
 */
export async function approveAtPortal(page: Page, options: ApproveAtPortalOptions): Promise<string> {
  await expect(page).toHaveURL(/\/approve\/[^/?#]+/);
  await expect(page.getByTestId("approval-status")).toContainText("確認待ち");
  await page.getByTestId(`approval-card-${options.cardId}`).check();
  await page.getByTestId("approval-pin").fill(options.pin);
  if (options.screenshotPath !== undefined) await page.screenshot({ path: options.screenshotPath, fullPage: true });
  await page.getByTestId("approve").click();
  return leaveApprovalPage(page, options.timeoutMs ?? 60_000);
}

/** On the approval page: cancel; resolves once the browser is back at the relying party (`error=access_denied`). */
export async function cancelAtPortal(page: Page, options: { timeoutMs?: number } = {}): Promise<string> {
  await expect(page).toHaveURL(/\/approve\/[^/?#]+/);
  await page.getByTestId("cancel").click();
  return leaveApprovalPage(page, options.timeoutMs ?? 60_000);
}

async function leaveApprovalPage(page: Page, timeout: number): Promise<string> {
  const quiet = <T>(promise: Promise<T>) => promise.catch(() => undefined);
  const outcome = await Promise.race([
    quiet(page.waitForURL((url) => !onApprovalPage(url), { timeout }).then(() => "left" as const)),
    quiet(page.getByTestId("pin-blocked").waitFor({ timeout }).then(() => "blocked" as const)),
    quiet(page.getByTestId("pin-incorrect").waitFor({ timeout }).then(() => "incorrect" as const)),
  ]);
  if (outcome === "left") return page.url();
  if (outcome === "blocked") throw new SandboxError("PIN_BLOCKED", "the approval page says the PIN is locked; reset it at the counter (resetPin)", { service: "portal" });
  if (outcome === "incorrect") {
    const text = (await page.getByTestId("pin-incorrect").textContent()) ?? "";
    const triesLeft = Number(/(\d+) tr(?:y|ies) left/.exec(text)?.[1] ?? Number.NaN);
    throw new SandboxError("PIN_INCORRECT", `the approval page says: ${text.trim()}`, { service: "portal", ...(Number.isNaN(triesLeft) ? {} : { triesLeft }) });
  }
  throw new SandboxError("UNREACHABLE", `the browser did not leave the approval page within ${Math.round(timeout / 1000)} s (${page.url()})`, { service: "portal" });
}
