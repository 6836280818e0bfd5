#!/usr/bin/env node
// Retakes the README's screenshots (docs/screenshots/) from a freshly started sandbox:
//
//   JPKI_DATA_DIR=/tmp/readme-shots npm start        # a fresh data dir, default ports
//   node scripts/readme-screenshots.mjs              # in a second terminal, once it says "is up"
//
// It walks the walkthrough as a visitor does (花子's seeded card: opening, login, a move, re-validation) in
// Debian's Chromium through playwright-core, and needs Japanese fonts (apt-get install -y fonts-noto-cjk).
import path from "node:path";
import { chromiumLaunchOptions } from "@jpki-sandbox/playwright-config";
import { chromium } from "playwright-core";
import { repoRoot } from "./ensure-install.mjs";

const BANK = process.env.JPKI_BANK_URL ?? "http://127.0.0.1:4020";
const PORTAL = process.env.JPKI_PORTAL_URL ?? "http://127.0.0.1:4030";
const OUT = path.join(repoRoot, "docs", "screenshots");
const { cards } = await (await fetch(`${PORTAL}/api/cards`)).json();
const hanako = cards.find((card) => card.holderName === "総務\u3000花子")?.id;
if (!hanako) throw new Error(`no card for 総務 花子 at ${PORTAL}: start the sandbox with npm start first`);
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "ja-JP", timezoneId: "Asia/Tokyo", httpCredentials: { username: "staff", password: "sandbox-staff" }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.on("pageerror", (e) => console.error("pageerror", e.message));
// Element screenshots: sticky headers would sit over the element, so they scroll with the page here.
const unstick = (p) => p.evaluate(() => { for (const el of document.querySelectorAll("body *")) { const pos = getComputedStyle(el).position; if (pos === "sticky" || pos === "fixed") el.style.position = "static"; } });
const approve = async (pin) => {
  await page.waitForURL(/\/approve\//);
  await page.getByTestId(`approval-card-${hanako}`).check();
  await page.getByTestId("approval-pin").fill(pin);
  await page.getByTestId("approve").click();
  await page.waitForURL(new RegExp(`^${BANK}/journeys/`));
  await page.getByTestId("journey-status").waitFor();
};
await page.goto(`${BANK}/walkthrough`);
await page.getByTestId("flow-diagram").waitFor();
await page.screenshot({ path: `${OUT}/walkthrough.png` });

await page.getByTestId("wt-open").click();
await page.getByTestId("fill-hanako").click();
await page.getByTestId("open-submit").click();
await page.getByTestId("approval-document").waitFor();
await page.screenshot({ path: `${OUT}/portal-approval.png` });
await approve("HANAKO2010");
await page.screenshot({ path: `${OUT}/journey-opening.png` });
await page.getByTestId("back-to-walkthrough").click();
const opening = page.getByTestId("chapter-opening");
await opening.getByTestId("decoded-ocsp-response").first().waitFor();
await unstick(page);
const ocspResponse = opening.locator("[data-testid^='wt-opening-']:has([data-testid='decoded-ocsp-response'])").first();
await ocspResponse.screenshot({ path: `${OUT}/ocsp-response-decoded.png` });
const cmsId = await opening.locator("[data-testid^='wt-opening-']:has([data-testid='decoded-cms'])").first().getAttribute("data-testid");
const cms = page.getByTestId(cmsId);
await cms.locator("[data-testid$='-view-asn1']").click();
await cms.getByTestId("asn1-tree").waitFor();
await cms.screenshot({ path: `${OUT}/cms-asn1.png` });

await page.goto(`${BANK}/staff`);
await page.locator("tr", { hasText: "総務　花子" }).waitFor();
await page.screenshot({ path: `${OUT}/staff-link.png` });

// login, move, revalidate
await page.goto(`${BANK}/login`);
await page.getByTestId("login-start").click();
await approve("1234");
await page.goto(`${BANK}/walkthrough`);
const [counter] = await Promise.all([context.waitForEvent("page"), page.getByTestId("wt-move-link").click()]);
await counter.getByTestId("persona-field-address").fill("東京都千代田区永田町一丁目７番１号");
await counter.getByTestId("address-signing-pin").fill("MOVED2026");
await counter.getByTestId("address-signing-pin-confirm").fill("MOVED2026");
await counter.getByTestId("address-change").click();
await counter.getByTestId("notice").waitFor();
await counter.close();
await page.goto(`${BANK}/staff/revalidations`);
await page.getByTestId("revalidate-now").click();
await page.locator(".card-highlight[data-testid^='run-']").waitFor();
await page.screenshot({ path: `${OUT}/staff-revalidation.png` });
await page.goto(`${BANK}/walkthrough`);
await page.getByTestId("wt-attributes-flag").waitFor();
await unstick(page);
await page.getByTestId("chapter-move").screenshot({ path: `${OUT}/walkthrough-move.png` });
await browser.close();
console.log(`screenshots written to ${OUT}`);
