// The pages around the journey: a refused application (the form does not match the S certificate's four
// attributes) shows its code and the fields that differ and lets her apply again with what she typed; the
// form's own checks; the account page without a session; an unknown path.
import { expect, test } from "@playwright/test";
import { HANAKO_PINS, approveAtPortal, issueHanakoAtCounter, shot } from "./support.js";

const OTHER_ADDRESS = "東京都千代田区永田町一丁目７番１号";

test("an application that does not match the S certificate is refused as ATTRIBUTES_MISMATCH (address)", async ({ page }) => {
  const cardId = await issueHanakoAtCounter(page);
  await page.goto("/open");
  await page.getByTestId("fill-hanako").click();
  await page.getByTestId("field-address").fill(OTHER_ADDRESS);
  await page.getByTestId("open-submit").click();
  await approveAtPortal(page, cardId, HANAKO_PINS.signing);

  await expect(page.getByTestId("journey-status")).toContainText("拒否");
  await expect(page.getByTestId("rejection-code")).toHaveText("ATTRIBUTES_MISMATCH");
  await expect(page.getByTestId("rejection-fields")).toContainText("住所");
  await expect(page.locator(".step.step-failed")).not.toHaveCount(0);
  await page.screenshot({ path: shot("20-journey-rejected"), fullPage: true });

  // Nothing she typed is lost: apply again with the same details, then correct them.
  await page.getByTestId("open-again").click();
  await expect(page).toHaveURL(/\/open$/);
  await expect(page.getByTestId("field-address")).toHaveValue(OTHER_ADDRESS);
  await expect(page.getByTestId("field-name")).toHaveValue("総務　花子");
});

test("the form checks the fields before going to the portal", async ({ page }) => {
  await page.goto("/open");
  await page.getByTestId("field-name").fill("総務花子");
  await page.getByTestId("field-address").fill("千代田区霞が関");
  await page.getByTestId("open-submit").click();
  await expect(page.getByTestId("error-name")).toBeVisible();
  await expect(page.getByTestId("error-dateOfBirth")).toBeVisible();
  await expect(page.getByTestId("error-address")).toContainText("prefecture");
  await expect(page).toHaveURL(/\/open$/);
  await expect(page.getByTestId("field-name")).toHaveValue("総務花子");
  await page.screenshot({ path: shot("21-open-invalid"), fullPage: true });
});

test("my account without a session asks to log in; an unknown path is a page with ways out", async ({ page }) => {
  await page.goto("/account");
  await expect(page.getByTestId("not-logged-in")).toBeVisible();
  await expect(page.getByTestId("go-login")).toHaveAttribute("href", "/login");

  await page.goto("/no/such/page");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByTestId("sandbox-banner")).toBeVisible();
  await page.screenshot({ path: shot("22-not-found"), fullPage: true });

  for (const id of ["no-such-journey", "00000000-0000-4000-8000-000000000000"]) {
    await page.goto(`/journeys/${id}`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
});
