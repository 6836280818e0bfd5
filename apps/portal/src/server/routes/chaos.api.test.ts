/**
 * The portal's signing-result chaos against a running portal and jlis: with `tamper` the bank receives a CMS
 * whose document was altered after signing (or a signature with one byte changed), which must not verify;
 * the stored result and later redemptions with chaos off are untouched.
 */
import { createPublicKey, verify } from "node:crypto";
import { base64ToBytes, JpkiError, verifyCms } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardView, SigningResult } from "../../shared/api-types.js";
import { bankAuth, HANAKO_PINS, operatorAuth, startTestSandbox, TEST_BANK, type TestSandbox } from "../../test-support/test-sandbox.js";

const APPLICATION = "口座開設申込書 / account opening application — chaos test";
const CHALLENGE = Buffer.alloc(32, 7);

let sandbox: TestSandbox;
let hanako: CardView;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  hanako = await sandbox.issueHanako();
});
afterAll(async () => {
  await sandbox?.stop();
});

const setChaos = (body: unknown, auth = operatorAuth) => sandbox.call("/admin/api/chaos", { method: "PUT", json: body, auth });

async function redeemed(kind: "sign" | "auth"): Promise<SigningResult> {
  const state = `state-${Math.random().toString(36).slice(2)}`;
  const created = await sandbox.createRequest(
    kind === "sign"
      ? { kind, document: Buffer.from(APPLICATION).toString("base64"), displayText: "chaos", returnUrl: `${TEST_BANK.origin}/callback`, state }
      : { kind, challenge: CHALLENGE.toString("base64"), displayText: "chaos", returnUrl: `${TEST_BANK.origin}/callback`, state },
  );
  const pin = kind === "sign" ? HANAKO_PINS.signingPin : HANAKO_PINS.userAuthPin;
  const approved = await sandbox.browser.post(`/api/approvals/${created.id}/approve`, { cardId: hanako.id, pin });
  expect(approved.status).toBe(200);
  const code = new URL(((await approved.json()) as { redirectTo: string }).redirectTo).searchParams.get("code");
  const response = await sandbox.call("/api/v1/signing-results", { json: { code, state }, auth: bankAuth });
  expect(response.status).toBe(200);
  return (await response.json()) as SigningResult;
}

function signatureVerifies(result: Extract<SigningResult, { kind: "auth" }>): boolean {
  return verify("sha256", CHALLENGE, createPublicKey(result.userAuthCertificate), base64ToBytes(result.signature));
}

describe("signing-result chaos", () => {
  it("is off by default and only the operator may read or change it", async () => {
    expect(await (await sandbox.call("/admin/api/chaos", { auth: operatorAuth })).json()).toEqual({ signingResult: "off" });
    expect((await sandbox.call("/admin/api/chaos")).status).toBe(401);
    expect((await setChaos({ signingResult: "tamper" }, bankAuth)).status).toBe(401);
    const invalid = await setChaos({ signingResult: "sometimes" });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toContain("application/problem+json");
  });

  it("tamper: the document inside the CMS no longer matches its signature; off again: intact", async () => {
    expect(await (await setChaos({ signingResult: "tamper" })).json()).toEqual({ signingResult: "tamper" });
    const tampered = (await redeemed("sign")) as Extract<SigningResult, { kind: "sign" }>;
    const error = await verifyCms(base64ToBytes(tampered.signedData)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JpkiError);
    expect((error as JpkiError).code).toBe("CMS_DIGEST_MISMATCH");

    await setChaos({ signingResult: "off" });
    const intact = (await redeemed("sign")) as Extract<SigningResult, { kind: "sign" }>;
    expect(new TextDecoder().decode((await verifyCms(base64ToBytes(intact.signedData))).content)).toBe(APPLICATION);
  });

  it("tamper: a login signature no longer verifies; off again: it does", async () => {
    await setChaos({ signingResult: "tamper" });
    expect(signatureVerifies((await redeemed("auth")) as Extract<SigningResult, { kind: "auth" }>)).toBe(false);
    await setChaos({ signingResult: "off" });
    expect(signatureVerifies((await redeemed("auth")) as Extract<SigningResult, { kind: "auth" }>)).toBe(true);
  });
});
