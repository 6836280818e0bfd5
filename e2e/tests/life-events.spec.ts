// What can go wrong after the account is open, as the customer and the bank live it: a blocked PIN, a lost
// card, a move, five years passing, a signature tampered with on the way, and J-LIS's OCSP saying "try later".
// Each test has its own resident (packages/sandbox's `citizen` fixture: a fresh synthetic person with a card).
import { expect, test } from "@jpki-sandbox/sandbox/playwright";
import { E2E } from "../playwright.config.js";
import {
  applyForAccount,
  expectRefused,
  expectStepsPassed,
  landOnJourney,
  LOGIN_STEPS,
  logIn,
  openAccount,
  revalidateNow,
  shot,
  staffPage,
  startLogin,
} from "../support/bank.js";
import type { Citizen } from "@jpki-sandbox/sandbox";
import { approveAtPortal } from "@jpki-sandbox/sandbox/playwright";

// Synthetic residents, with an S certificate even when one turns out to be under 15.
test.use({ citizenOptions: { persona: "random", requestSigningCertificate: true } });

function signingPinOf(citizen: Citizen): string {
  const pin = citizen.card.pins.signing;
  if (pin === undefined) throw new Error(`${citizen.persona.name}'s card has no S certificate`);
  return pin;
}

function userAuthPinOf(citizen: Citizen): string {
  const pin = citizen.card.pins.userAuth;
  if (pin === undefined) throw new Error(`${citizen.persona.name}'s R PIN is not known`);
  return pin;
}

test.describe("after the account is open", () => {
  test.beforeEach(async ({ page, citizen }) => {
    await openAccount(page, citizen.persona, citizen.card.id, signingPinOf(citizen));
    await expect(page.getByTestId("journey-status")).toContainText("完了");
  });

  test("wrong R PIN three times → blocked → PIN reset at the counter → login works", async ({ page, citizen }) => {
    const cardId = citizen.card.id;
    await startLogin(page);
    // The portal page says how many tries are left; the helper reports it as a typed error.
    for (const [wrong, triesLeft] of [["0000", 2], ["0001", 1]] as const) {
      await expect(approveAtPortal(page, { cardId, pin: wrong })).rejects.toMatchObject({ code: "PIN_INCORRECT", triesLeft });
      await expect(page.getByTestId("pin-incorrect")).toContainText(`${triesLeft}`);
    }
    await expect(approveAtPortal(page, { cardId, pin: "0002" })).rejects.toMatchObject({ code: "PIN_BLOCKED" });
    const blocked = page.getByTestId("pin-blocked");
    await expect(blocked).toBeVisible();
    await page.screenshot({ path: shot("life-01-pin-blocked"), fullPage: true });

    // Only the counter unblocks a PIN; it sends her back to the same request.
    await blocked.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/counter/cards/${cardId}`));
    await page.getByTestId("pin-reset-kind-userAuth").check();
    await page.getByTestId("reset-pin").fill("8642");
    await page.getByTestId("reset-pin-confirm").fill("8642");
    await page.getByTestId("pin-reset").click();
    await page.getByTestId("return-to-approval").click();
    await approveAtPortal(page, { cardId, pin: "8642" });
    await landOnJourney(page);
    await expect(page.getByTestId("journey-status")).toContainText("完了");
    await expectStepsPassed(page, LOGIN_STEPS);
  });

  test("card reported lost → login refused as revoked (keyCompromise)", async ({ page, citizen }) => {
    await page.goto(`${E2E.portalUrl}/counter/cards/${citizen.card.id}`);
    await page.getByTestId("loss-confirm").check();
    await page.getByTestId("report-loss").click();
    await expect(page.getByTestId("notice")).toBeVisible();

    // The card still signs (a real one would); the bank's OCSP check is what refuses it.
    await logIn(page, citizen.card.id, userAuthPinOf(citizen));
    await expectRefused(page, "CERTIFICATE_REVOKED");
    await expect(page.getByTestId("rejection")).toContainText("keyCompromise");
    await page.screenshot({ path: shot("life-02-lost-card"), fullPage: true });
  });

  test("move house → S revoked → the bank's re-validation flags her and follows old → current S", async ({ page, browser, citizen, sandbox }) => {
    const oldSigningSerial = (await page.getByTestId("journey-link-pair-s").textContent())?.trim() ?? "";

    // At the counter: a new address; the card makes a new S key under a new S PIN (R is untouched).
    await page.goto(`${E2E.portalUrl}/counter/cards/${citizen.card.id}`);
    const newAddress = `${citizen.persona.prefecture}${citizen.persona.city}若葉九丁目８番７号`;
    await page.getByTestId("persona-field-address").fill(newAddress);
    await page.getByTestId("address-signing-pin").fill("MOVED2026");
    await page.getByTestId("address-signing-pin-confirm").fill("MOVED2026");
    await page.getByTestId("address-change").click();
    await expect(page.getByTestId("notice")).toBeVisible();
    const card = await sandbox.card(citizen.card.id);
    const newSigningSerial = card.signingSerial ?? "";
    expect(newSigningSerial).not.toBe("");
    expect(newSigningSerial).not.toBe(oldSigningSerial);
    expect((await sandbox.certificateStatus(oldSigningSerial)).reason).toBe("affiliationChanged");

    // The bank's staff re-validate: OCSP says revoked (affiliationChanged), linkage gives the current S.
    const staff = await staffPage(browser);
    const run = await revalidateNow(staff);
    const row = run.locator("tr", { hasText: citizen.persona.name });
    await expect(row).toContainText("affiliationChanged");
    await expect(row).toContainText(newSigningSerial);
    await staff.screenshot({ path: shot("life-03-revalidation-follows"), fullPage: true });
    await row.getByRole("link", { name: citizen.persona.name }).click();
    await expect(staff.getByTestId("current-link")).toContainText(newSigningSerial);
    await staff.context().close();

    // She logs in with R (unchanged) and her account asks her to confirm her new details.
    await logIn(page, citizen.card.id, userAuthPinOf(citizen));
    await expect(page.getByTestId("journey-status")).toContainText("完了");
    await page.goto(`${E2E.bankUrl}/account`);
    await expect(page.getByTestId("attributes-may-have-changed")).toBeVisible();
    await page.screenshot({ path: shot("life-04-account-flagged"), fullPage: true });
  });

  test("sandbox clock +5 years → her certificates have expired → login refused", async ({ page, citizen, sandbox }) => {
    await sandbox.advanceClock("P5Y");
    try {
      await logIn(page, citizen.card.id, userAuthPinOf(citizen));
      await expectRefused(page, "CERTIFICATE_EXPIRED");
      await page.screenshot({ path: shot("life-05-expired"), fullPage: true });
    } finally {
      await sandbox.resetClock();
    }
  });

  test("OCSP tryLater (chaos) → the bank retries twice, then fails closed; off again → login works", async ({ page, citizen, sandbox }) => {
    await sandbox.withChaos({ ocsp: "tryLater" }, async () => {
      await logIn(page, citizen.card.id, userAuthPinOf(citizen));
      await expectRefused(page, "OCSP_TRY_LATER");
      await expect(page.getByTestId("rejection")).toBeVisible();
      await page.screenshot({ path: shot("life-06-ocsp-try-later"), fullPage: true });
    });
    await logIn(page, citizen.card.id, userAuthPinOf(citizen));
    await expect(page.getByTestId("journey-status")).toContainText("完了");
  });
});

test("a tampered application (chaos at the portal) → refused as SIGNATURE_INVALID", async ({ page, citizen, sandbox }) => {
  await sandbox.setPortalChaos({ signingResult: "tamper" });
  try {
    await applyForAccount(page, citizen.persona);
    await approveAtPortal(page, { cardId: citizen.card.id, pin: signingPinOf(citizen) });
    await landOnJourney(page);
    await expectRefused(page, "SIGNATURE_INVALID");
    await page.screenshot({ path: shot("life-07-tampered"), fullPage: true });
  } finally {
    await sandbox.setPortalChaos({ signingResult: "off" });
  }
  // Untampered, the same person opens her account.
  await openAccount(page, citizen.persona, citizen.card.id, signingPinOf(citizen));
  await expect(page.getByTestId("journey-status")).toContainText("完了");
});

test("card renewed → the bank does not know the new R (CUSTOMER_UNKNOWN) → sign once more with S → relinked, logged in", async ({ page, sandbox }) => {
  // An adult: a renewal issues a new S only from 15 on, and the relink needs one.
  let persona = await sandbox.randomPersona();
  while (ageOn(persona.dateOfBirth, (await sandbox.clock()).now) < 16) persona = await sandbox.randomPersona();
  const { card } = await sandbox.createCitizen({ persona });
  await openAccount(page, persona, card.id, card.pins.signing ?? "");
  await expect(page.getByTestId("journey-status")).toContainText("完了");

  // At the counter: a new card with new keys; the old card's certificates are revoked (superseded).
  await page.goto(`${E2E.portalUrl}/counter/cards/${card.id}`);
  await page.getByTestId("renewal-user-auth-pin").fill("4321");
  await page.getByTestId("renewal-user-auth-pin-confirm").fill("4321");
  await page.getByTestId("renewal-signing-pin").fill("RENEWED2026");
  await page.getByTestId("renewal-signing-pin-confirm").fill("RENEWED2026");
  await page.getByTestId("renewal").click();
  await expect(page.getByTestId("notice")).toBeVisible();
  const newCardId = (await card.refresh()).successorCardId;
  expect(newCardId).toBeTruthy();

  // The new R is unknown to the bank; signing with the new S lets it follow old S → current S (linkage 2).
  await logIn(page, newCardId as string, "4321");
  await expectRefused(page, "CUSTOMER_UNKNOWN");
  await page.getByTestId("relink-start").click();
  await approveAtPortal(page, { cardId: newCardId as string, pin: "RENEWED2026" });
  await landOnJourney(page);
  await expect(page.getByTestId("journey-status")).toContainText("完了");
  await expect(page.getByTestId("who")).toContainText(persona.name);
  await page.screenshot({ path: shot("life-08-renewal-relinked"), fullPage: true });
});

/** Completed years at `now` for a YYYY-MM-DD birth date. */
function ageOn(dateOfBirth: string, now: Date): number {
  const [year, month, day] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const birthdayPassed = now.getUTCMonth() + 1 > month || (now.getUTCMonth() + 1 === month && now.getUTCDate() >= day);
  return now.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}
