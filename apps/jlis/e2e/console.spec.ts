/**
 * What the sandbox operator does in the console (/admin): find 花子's certificates, revoke one with a
 * reason, and move the sandbox clock — checked against what jlis then answers over OCSP.
 */
import {
  buildOcspRequest,
  HANAKO,
  parseOcspResponse,
  parseX509,
} from "@jpki-sandbox/jpki-core";
import { expect, test } from "@playwright/test";
import { E2E } from "../playwright.config.js";
import { createSoftwareCard } from "../src/test-support/software-card.js";

const counterAuth = `Basic ${Buffer.from(`${E2E.counterId}:${E2E.counterSecret}`).toString("base64")}`;

async function counter(path: string, body: unknown) {
  const response = await fetch(`${E2E.url}${path}`, {
    method: "POST",
    headers: { authorization: counterAuth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as unknown;
}

async function issueHanakosCard(): Promise<{ sSerial: string; rSerial: string }> {
  const card = await createSoftwareCard();
  const { id: _id, ...fields } = HANAKO;
  void _id;
  const { resident } = (await counter("/api/v1/residents", fields)) as { resident: { id: string } };
  const issued = (await counter(`/api/v1/residents/${resident.id}/cards`, { userAuthCsr: await card.userAuthCsr(), signingCsr: await card.signingCsr() })) as {
    signingCertificate: { serialNumber: string };
    userAuthCertificate: { serialNumber: string };
  };
  return { sSerial: issued.signingCertificate.serialNumber, rSerial: issued.userAuthCertificate.serialNumber };
}

async function ocspStatus(kind: "s" | "r", serial: string): Promise<string | undefined> {
  const issuer = parseX509(await (await fetch(`${E2E.url}/ca/${kind}.pem`)).text());
  const { der } = await buildOcspRequest({ issuer, serialNumbers: [serial] });
  const response = await fetch(`${E2E.url}/ocsp/${kind}`, { method: "POST", body: der, headers: { "content-type": "application/ocsp-request" } });
  const parsed = parseOcspResponse(new Uint8Array(await response.arrayBuffer()));
  return parsed.responseStatus === "successful" ? parsed.responses[0]?.status : parsed.responseStatus;
}

test("the operator revokes 花子's signing certificate in the console, and OCSP says revoked", async ({ page }) => {
  const { sSerial, rSerial } = await issueHanakosCard();
  expect(await ocspStatus("s", sSerial)).toBe("good");

  await page.goto("/admin/#/certificates");
  await expect(page.getByText("SANDBOX — TEST ONLY").first()).toBeVisible();
  const sRow = page.locator("tr", { hasText: sSerial.slice(0, 16) });
  await expect(sRow).toContainText("総務　花子");
  await expect(sRow).toContainText("有効");
  await sRow.getByRole("button", { name: "失効 / Revoke" }).click();

  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: /keyCompromise/ }).check();
  await dialog.getByRole("checkbox").check();
  await dialog.getByRole("button", { name: "失効 / Revoke" }).click();
  await expect(page.getByText("失効しました / Revoked")).toBeVisible();
  await expect(sRow).toContainText("Key compromise");

  expect(await ocspStatus("s", sSerial)).toBe("revoked");
  expect(await ocspStatus("r", rSerial)).toBe("good");
});

test("the operator moves the sandbox clock five years on; 花子's certificates show as expired", async ({ page }) => {
  const { rSerial } = await issueHanakosCard();
  await page.goto("/admin/#/clock");
  await page.getByRole("button", { name: /\+5年/ }).click();
  await expect(page.getByText(/^\+1826d /).first()).toBeVisible();

  await page.goto("/admin/#/certificates?status=expired");
  await expect(page.locator("tr", { hasText: rSerial.slice(0, 16) })).toContainText("期限切れ");
});
