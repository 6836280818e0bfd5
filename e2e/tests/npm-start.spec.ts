// The newcomer's path (issue 7, done when): `npm start` brings the sandbox up, seeds the demo residents and
// prints where to start; the walkthrough leads to the account opening with the seeded 花子; Ctrl-C stops all
// three apps cleanly, and a second start keeps everything (nothing seeded twice). On the embedded database
// (the default) and on PostgreSQL (DATABASE_URL, one schema per app).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropSchema, postgresReachable, TEST_POSTGRES_URL, uniqueSchemaName } from "@jpki-sandbox/service-kit/testing";
import { expect, test, type Page } from "@playwright/test";
import { shot } from "../support/bank.js";
import { npmStart, seededCardId } from "../support/npm-start.js";

const PORTS = { jlis: 4950, bank: 4960, portal: 4970 };
const BANK = `http://127.0.0.1:${PORTS.bank}`;

async function startStopRestart(page: Page, database: Record<string, string>, screenshotPrefix: string) {
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

    // The walkthrough, then ①–⑧ with the seeded card and its printed S PIN.
    await page.goto(`${BANK}/walkthrough`);
    await expect(page.getByTestId("sandbox-banner")).toBeVisible();
    await page.screenshot({ path: shot(`${screenshotPrefix}-01-walkthrough`), fullPage: true });
    await page.goto(`${BANK}/open`);
    await page.getByTestId("fill-hanako").click();
    await page.getByTestId("open-submit").click();
    await page.getByTestId(`approval-card-${hanakoCard}`).check();
    await page.getByTestId("approval-pin").fill("HANAKO2010");
    await page.getByTestId("approve").click();
    await page.waitForURL(new RegExp(`^${BANK}/journeys/`), { timeout: 60_000 });
    await expect(page.getByTestId("journey-status")).toContainText("完了");

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

test("npm start: seeded, the walkthrough opens 花子's account, Ctrl-C stops everything, a restart keeps it", async ({ page }) => {
  test.setTimeout(300_000);
  await startStopRestart(page, {}, "start");
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
    );
  } finally {
    for (const schema of Object.values(schemas)) await dropSchema(schema);
  }
});
