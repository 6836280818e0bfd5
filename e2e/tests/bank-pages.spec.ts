// The bank's pages around a journey: a refused application (the form does not match the S certificate's four
// attributes) shows its code and the fields that differ and lets the applicant apply again with what she typed;
// the form's own checks; my account without a session; an unknown path.
import { approveAtPortal, expect, test } from "@jpki-sandbox/sandbox/playwright";
import { E2E } from "../playwright.config.js";
import { applyForAccount, expectRefused, landOnJourney, shot } from "../support/bank.js";

test.use({ citizenOptions: { persona: "random", requestSigningCertificate: true } });

test("an application that does not match the S certificate is refused as ATTRIBUTES_MISMATCH (address)", async ({ page, citizen }) => {
  const otherAddress = `${citizen.persona.prefecture}${citizen.persona.city}永田町一丁目７番１号`;
  await applyForAccount(page, { ...citizen.persona, address: otherAddress });
  await approveAtPortal(page, { cardId: citizen.card.id, pin: citizen.card.pins.signing ?? "" });
  await landOnJourney(page);
  await expectRefused(page, "ATTRIBUTES_MISMATCH");
  await expect(page.getByTestId("rejection-fields")).toContainText("住所");
  await expect(page.locator(".step.step-failed")).not.toHaveCount(0);
  await page.screenshot({ path: shot("bank-01-journey-rejected"), fullPage: true });

  // Nothing she typed is lost: apply again with the same details, then correct them.
  await page.getByTestId("open-again").click();
  await expect(page).toHaveURL(/\/open$/);
  await expect(page.getByTestId("field-address")).toHaveValue(otherAddress);
  await expect(page.getByTestId("field-name")).toHaveValue(citizen.persona.name);
});

test("the form checks the fields before going to the portal", async ({ page }) => {
  await page.goto(`${E2E.bankUrl}/open`);
  await page.getByTestId("field-name").fill("総務花子");
  await page.getByTestId("field-address").fill("千代田区霞が関");
  await page.getByTestId("open-submit").click();
  await expect(page.getByTestId("error-name")).toBeVisible();
  await expect(page.getByTestId("error-dateOfBirth")).toBeVisible();
  await expect(page.getByTestId("error-address")).toContainText("prefecture");
  await expect(page).toHaveURL(/\/open$/);
  await expect(page.getByTestId("field-name")).toHaveValue("総務花子");
  await page.screenshot({ path: shot("bank-02-open-invalid"), fullPage: true });
});

test("my account without a session asks to log in; an unknown path is a page with ways out", async ({ page }) => {
  await page.goto(`${E2E.bankUrl}/account`);
  await expect(page.getByTestId("not-logged-in")).toBeVisible();
  await expect(page.getByTestId("go-login")).toHaveAttribute("href", "/login");

  await page.goto(`${E2E.bankUrl}/no/such/page`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByTestId("sandbox-banner")).toBeVisible();

  for (const id of ["no-such-journey", "00000000-0000-4000-8000-000000000000"]) {
    await page.goto(`${E2E.bankUrl}/journeys/${id}`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
});
