// What the portal's journeys share: a scripted bank (its return URL as a tiny page, its server-to-server
// calls with the registered client's credential) and 花子's card issued at the counter as a person would.
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../playwright.config.js";

export const HANAKO_PINS = { userAuth: "1234", signing: "HANAKO2010" } as const;

const bankAuthorization = `Basic ${Buffer.from(`${E2E.bank.id}:${E2E.bank.secret}`).toString("base64")}`;

/** Serves the bank's return URL for the tests of this file: a page that says where the browser came back with. */
export function serveBankCallback(): void {
  let bank: Server;
  test.beforeAll(async () => {
    bank = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Sandbox Bank</title><h1>bank callback</h1><p id="query">${new URL(req.url ?? "/", E2E.bankOrigin).search}</p>`);
    });
    await new Promise<void>((resolve) => bank.listen(E2E.bankPort, "127.0.0.1", resolve));
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => bank.close(() => resolve()));
  });
}

/** A bank's server-to-server POST to the portal, as the registered client. */
export function bankFetch(pathname: string, body: unknown): Promise<Response> {
  return fetch(E2E.portalUrl + pathname, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: bankAuthorization },
    body: JSON.stringify(body),
  });
}

/** bankFetch that expects success and returns the JSON. */
export async function bankPost<T>(pathname: string, body: unknown): Promise<T> {
  const response = await bankFetch(pathname, body);
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** At the counter: pick 花子, set both PINs, issue; lands on the new card's page. Returns the card id. */
export async function issueHanakoAtCounter(page: Page): Promise<string> {
  await page.goto("/counter");
  await page.getByTestId("persona-hanako").click();
  await page.getByTestId("user-auth-pin").fill(HANAKO_PINS.userAuth);
  await page.getByTestId("user-auth-pin-confirm").fill(HANAKO_PINS.userAuth);
  await page.getByTestId("signing-pin").fill(HANAKO_PINS.signing);
  await page.getByTestId("signing-pin-confirm").fill(HANAKO_PINS.signing);
  await page.getByTestId("issue-card").click();
  await expect(page).toHaveURL(/\/cards\/[^/]+$/, { timeout: 30_000 });
  return page.url().split("/").pop() as string;
}
