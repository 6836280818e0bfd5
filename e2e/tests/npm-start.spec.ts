// The newcomer's path (issue 7, done when): `npm start` brings the sandbox up on the embedded database, seeds
// the demo residents and prints where to start; the walkthrough leads through the account opening with the
// seeded 花子; Ctrl-C stops all three apps cleanly, and a second start keeps everything (no second seeding).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { npmStart, seededCardId } from "../support/npm-start.js";
import { shot } from "../support/bank.js";

const PORTS = { jlis: 4950, bank: 4960, portal: 4970 };
const BANK = `http://127.0.0.1:${PORTS.bank}`;

test("npm start: seeded, the walkthrough opens 花子's account, Ctrl-C stops everything, a restart keeps it", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "jpki-npm-start-"));
  const env = {
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
    await page.screenshot({ path: shot("start-01-walkthrough"), fullPage: true });
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
});
