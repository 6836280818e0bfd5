// The newcomer's path (issue 7, done when): `npm start` brings the sandbox up, seeds the demo residents and
// prints where to start; the walkthrough leads to the account opening with the seeded 花子; Ctrl-C stops all
// three apps cleanly, and a second start keeps everything (nothing seeded twice). On the embedded database
// (the default) and on PostgreSQL (DATABASE_URL, one schema per app).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "@jpki-sandbox/service-kit/testing";
import { expect, test, type Page } from "@playwright/test";
import { approveAtPortal } from "@jpki-sandbox/sandbox/playwright";
import { shot } from "../support/bank.js";
import { npmStart, seededCardId } from "../support/npm-start.js";

const PORTS = { jlis: 4950, bank: 4960, portal: 4970 };
const BANK = `http://127.0.0.1:${PORTS.bank}`;

/** What the sandbox is walked through once it is up: the whole walkthrough, or only its account opening. */
type Walk = (page: Page, hanakoCard: string) => Promise<void>;

async function startStopRestart(page: Page, database: Record<string, string>, screenshotPrefix: string, walk: Walk) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jpki-npm-start-"));
  const env = {
    ...database,
    JPKI_DATA_DIR: dataDir,
    JPKI_JLIS_PORT: String(PORTS.jlis),
    JPKI_BANK_PORT: String(PORTS.bank),
    JPKI_PORTAL_PORT: String(PORTS.portal),
  };
  try {
    const first = npmStart(env);
    let banner: string;
    try {
      banner = await first.banner;
    } catch (error) {
      await first.stop();
      throw error;
    }
    expect(banner).toContain(`start here → ${BANK}/walkthrough`);
    for (const name of ["総務 花子", "山田 太郎", "佐藤 結衣", "鈴木 蒼太"]) expect(banner).toContain(name);
    expect(banner.match(/\(new\)/g)).toHaveLength(4);
    const hanakoCard = seededCardId(banner, "総務 花子");

    await walk(page, hanakoCard);
    await page.screenshot({ path: shot(`${screenshotPrefix}-walkthrough-done`), fullPage: true });

    expect(await first.stop()).toBe(0);
    for (const port of Object.values(PORTS)) {
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }

    // Started again on the same data: nothing seeded twice, her account still there.
    const second = npmStart(env);
    try {
      const again = await second.banner;
      expect(again).not.toContain("(new)");
      expect(seededCardId(again, "総務 花子")).toBe(hanakoCard);
      const staff = await fetch(`${BANK}/api/staff/customers`, {
        headers: { authorization: `Basic ${Buffer.from("staff:sandbox-staff").toString("base64")}` },
      });
      expect(staff.status).toBe(200);
      expect(JSON.stringify(await staff.json())).toContain("総務　花子");
    } finally {
      expect(await second.stop()).toBe(0);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// The staff pages ask for HTTP Basic (user staff, the development password npm start prints).
test.use({ httpCredentials: { username: "staff", password: "sandbox-staff" } });

/** Uncaught errors of every page of the test's context (the walkthrough must not throw). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  const watch = (p: Page) => p.on("pageerror", (error) => errors.push(`${p.url()}: ${error.message}`));
  watch(page);
  page.context().on("page", watch);
  return errors;
}

/** ①–⑧ with the seeded card and its printed S PIN. */
async function openHanakosAccount(page: Page, hanakoCard: string): Promise<void> {
  await page.goto(`${BANK}/open`);
  await page.getByTestId("fill-hanako").click();
  await page.getByTestId("open-submit").click();
  await approveAtPortal(page, { cardId: hanakoCard, pin: "HANAKO2010" });
  await page.waitForURL(new RegExp(`^${BANK}/journeys/`));
  await expect(page.getByTestId("journey-status")).toContainText("完了");
}

/** A newcomer follows the walkthrough from its start page to its last chapter, as the printed banner says. */
async function walkThrough(page: Page, hanakoCard: string): Promise<void> {
  await page.goto(`${BANK}/walkthrough`);
  await expect(page.getByTestId("flow-diagram")).toBeVisible();
  await expect(page.getByTestId("wt-demo-pins")).toContainText("HANAKO2010");
  await expect(page.getByTestId("chapter-card")).toHaveAttribute("data-state", "done");

  // 2. Account opening ①–⑧, then back to the walkthrough: the messages decoded, the CMS as an ASN.1 tree.
  await page.getByTestId("wt-open").click();
  await openHanakosAccount(page, hanakoCard);
  await page.getByTestId("back-to-walkthrough").click();
  const opening = page.getByTestId("chapter-opening");
  await expect(opening).toHaveAttribute("data-state", "done");
  await expect(opening.getByTestId("decoded-ocsp-response").first()).toContainText("good");
  await opening.locator("[data-testid^='wt-opening-'][data-testid$='-view-asn1']").first().click();
  await expect(opening.getByTestId("asn1-tree").first()).toBeVisible();
  await expect(page.getByTestId("wt-link")).toBeVisible();

  // 4. Login ①'–⑥' with the R PIN.
  await page.getByTestId("wt-login").click();
  await page.getByTestId("login-start").click();
  await approveAtPortal(page, { cardId: hanakoCard, pin: "1234" });
  await page.waitForURL(new RegExp(`^${BANK}/journeys/`));
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await page.getByTestId("back-to-walkthrough").click();
  await expect(page.getByTestId("chapter-login")).toHaveAttribute("data-state", "done");

  // 5. A move at the portal's counter (a new tab), then what the bank sees after re-validating.
  const [counter] = await Promise.all([page.context().waitForEvent("page"), page.getByTestId("wt-move-link").click()]);
  await counter.getByTestId("persona-field-address").fill("東京都千代田区永田町一丁目７番１号");
  await counter.getByTestId("address-signing-pin").fill("MOVED2026");
  await counter.getByTestId("address-signing-pin-confirm").fill("MOVED2026");
  await counter.getByTestId("address-change").click();
  await expect(counter.getByTestId("notice")).toBeVisible();
  await counter.close();
  await page.getByTestId("walkthrough-reload").click();
  await expect(page.getByTestId("wt-move-counter")).toHaveAttribute("data-done", "true");

  await page.getByTestId("wt-revalidate").click();
  await page.getByTestId("revalidate-now").click();
  await expect(page.locator(".card-highlight[data-testid^='run-']")).toContainText("affiliationChanged");
  await page.goto(`${BANK}/walkthrough`);
  await expect(page.getByTestId("wt-move-revalidate")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("wt-attributes-flag")).toBeVisible();

  // The consent refresh: signed with the new S, J-LIS's latest four attributes.
  await page.getByTestId("wt-refresh").click();
  await page.getByTestId("attribute-refresh").click();
  await approveAtPortal(page, { cardId: hanakoCard, pin: "MOVED2026" });
  await page.waitForURL(new RegExp(`^${BANK}/journeys/`));
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await page.getByTestId("back-to-walkthrough").click();
  await expect(page.getByTestId("wt-move-refresh")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("chapter-move")).toHaveAttribute("data-state", "done");
}

test("npm start: seeded, a newcomer completes the walkthrough, Ctrl-C stops everything, a restart keeps it", async ({ page }) => {
  test.setTimeout(300_000);
  const errors = pageErrors(page);
  await startStopRestart(page, {}, "start", walkThrough);
  expect(errors).toEqual([]);
});

test("npm start with DATABASE_URL: all three apps on PostgreSQL, one schema each", async ({ page }) => {
  test.setTimeout(300_000);
  test.skip(!(await postgresReachable("e2e npm start")), "no PostgreSQL reachable");
  const schemas = { jlis: uniqueSchemaName("e2e_jlis"), bank: uniqueSchemaName("e2e_bank"), portal: uniqueSchemaName("e2e_portal") };
  try {
    await startStopRestart(
      page,
      {
        DATABASE_URL: TEST_POSTGRES_URL,
        JPKI_JLIS_DATABASE_SCHEMA: schemas.jlis,
        JPKI_BANK_DATABASE_SCHEMA: schemas.bank,
        JPKI_PORTAL_DATABASE_SCHEMA: schemas.portal,
      },
      "start-pg",
      openHanakosAccount,
    );
  } finally {
    for (const schema of Object.values(schemas)) await dropSchema(schema);
  }
});
