/**
 * The signing-approval protocol against a running portal and jlis: a bank's request, the citizen's approval
 * with the card's PIN, the one-time code redeemed once — and every way a redemption must fail.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { base64ToBytes, bytesToBase64, getCrypto, normaliseSerialNumber, parseCertificate, parseX509, verifyCms } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApprovalView, CardView, SigningResult } from "../../shared/api-types.js";
import { bankAuth, basic, HANAKO_PINS, startTestSandbox, TEST_BANK, type TestSandbox } from "../../test-support/test-sandbox.js";

const APPLICATION = "口座開設申込書 / account opening application — 総務　花子, 2010-03-31, female, 東京都千代田区霞が関二丁目１番２号";

let sandbox: TestSandbox;
let hanako: CardView;
let now = new Date();

beforeAll(async () => {
  sandbox = await startTestSandbox({ approvalClock: () => now });
  hanako = await sandbox.issueHanako();
});
afterAll(async () => {
  await sandbox?.stop();
});

const signRequest = (state = `state-${Math.random().toString(36).slice(2)}`) => ({
  kind: "sign" as const,
  document: Buffer.from(APPLICATION, "utf8").toString("base64"),
  documentContentType: "text/plain; charset=utf-8",
  displayText: "サンドボックス銀行 口座開設 / open an account",
  returnUrl: `${TEST_BANK.origin}/callback`,
  state,
});

async function approve(requestId: string, cardId: string, pin: string): Promise<Response> {
  return sandbox.browser.post(`/api/approvals/${requestId}/approve`, { cardId, pin });
}

async function approvedCode(input = signRequest()): Promise<{ code: string; state: string; requestId: string }> {
  const created = await sandbox.createRequest(input);
  const response = await approve(created.id, hanako.id, input.kind === "sign" ? HANAKO_PINS.signingPin : HANAKO_PINS.userAuthPin);
  expect(response.status).toBe(200);
  const redirect = new URL(((await response.json()) as { redirectTo: string }).redirectTo);
  expect(redirect.origin + redirect.pathname).toBe(`${TEST_BANK.origin}/callback`);
  expect(redirect.searchParams.get("state")).toBe(input.state);
  return { code: redirect.searchParams.get("code") as string, state: input.state, requestId: created.id };
}

const redeem = (code: string, state: string, auth = bankAuth) => sandbox.call("/api/v1/signing-results", { json: { code, state }, auth });

describe("a sign approval", () => {
  it("shows the citizen who asks and what will be signed, and offers her card", async () => {
    const created = await sandbox.createRequest(signRequest());
    expect(created.approvalUrl).toBe(`${sandbox.url}/approve/${created.id}`);
    const view = (await (await sandbox.browser.get(`/api/approvals/${created.id}`)).json()) as ApprovalView;
    expect(view).toMatchObject({ kind: "sign", status: "pending", client: { id: TEST_BANK.id }, displayText: signRequest().displayText });
    expect(view.document?.text).toBe(APPLICATION);
    expect(view.cards.map((card) => card.id)).toContain(hanako.id);
  });

  it("redeems once for an attached CMS that jpki-core and openssl cms -verify accept", async () => {
    const { code, state } = await approvedCode();
    const response = await redeem(code, state);
    expect(response.status).toBe(200);
    const result = (await response.json()) as Extract<SigningResult, { kind: "sign" }>;
    expect(result.kind).toBe("sign");
    expect(parseCertificate(result.signingCertificate).serialNumber).toBe(hanako.certificates.signing?.serialNumber);
    const cms = base64ToBytes(result.signedData);
    const verified = await verifyCms(cms);
    expect(new TextDecoder().decode(verified.content)).toBe(APPLICATION);
    // Compared as jpki-core writes serials (even-length hex): a first byte below 0x10 keeps its leading 0.
    expect(normaliseSerialNumber(verified.signerCertificate.serialNumber)).toBe(hanako.certificates.signing?.serialNumber);

    const dir = mkdtempSync(path.join(tmpdir(), "portal-cms-"));
    writeFileSync(path.join(dir, "app.cms"), cms);
    writeFileSync(path.join(dir, "s-ca.cer"), await sandbox.portal.jlis.caCertificate("S"));
    execFileSync("openssl", ["x509", "-inform", "DER", "-in", path.join(dir, "s-ca.cer"), "-out", path.join(dir, "s-ca.pem")]);
    const out = execFileSync(
      "openssl",
      ["cms", "-verify", "-inform", "DER", "-in", path.join(dir, "app.cms"), "-CAfile", path.join(dir, "s-ca.pem"), "-purpose", "any", "-attime", String(Math.floor(Date.now() / 1000))],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(out.toString("utf8")).toBe(APPLICATION);

    const replay = await redeem(code, state);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { code: string }).code).toBe("APPROVAL_CODE_REUSED");
  });

  it("refuses a code with the wrong state, from another client, or unknown", async () => {
    const { code, state } = await approvedCode();
    expect(((await (await redeem(code, `${state}-other`)).json()) as { code: string }).code).toBe("APPROVAL_STATE_MISMATCH");
    const other = await sandbox.call("/admin/api/bank-clients", {
      json: { id: "other-bank", name: "Other Bank", returnOrigins: ["http://other.test"] },
      auth: basic("admin", "portal-test-admin"),
    });
    const { secret } = (await other.json()) as { secret: string };
    const wrongClient = await redeem(code, state, basic("other-bank", secret));
    expect(((await wrongClient.json()) as { code: string }).code).toBe("APPROVAL_CODE_INVALID");
    expect(((await (await redeem("not-a-code", state)).json()) as { code: string }).code).toBe("APPROVAL_CODE_INVALID");
    // None of those burnt it: the right client with the right state still gets the result.
    expect((await redeem(code, state)).status).toBe(200);
  });

  it("refuses an expired code", async () => {
    const { code, state } = await approvedCode();
    now = new Date(now.getTime() + 10 * 60_000);
    try {
      const response = await redeem(code, state);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("APPROVAL_CODE_EXPIRED");
    } finally {
      now = new Date();
    }
  });

  it("refuses an expired request, which can still be cancelled back to the bank", async () => {
    const created = await sandbox.createRequest(signRequest("state-expired-1"));
    now = new Date(now.getTime() + 60 * 60_000);
    try {
      const response = await approve(created.id, hanako.id, HANAKO_PINS.signingPin);
      expect(response.status).toBe(410);
      expect(((await response.json()) as { code: string }).code).toBe("APPROVAL_EXPIRED");
      const view = (await (await sandbox.browser.get(`/api/approvals/${created.id}`)).json()) as ApprovalView;
      expect(view.status).toBe("expired");
      const cancelled = await sandbox.browser.post(`/api/approvals/${created.id}/cancel`);
      const redirect = new URL(((await cancelled.json()) as { redirectTo: string }).redirectTo);
      expect(redirect.searchParams.get("error")).toBe("access_denied");
      expect(redirect.searchParams.get("state")).toBe("state-expired-1");
    } finally {
      now = new Date();
    }
  });

  it("answers a wrong PIN with the tries left, and a cancel with access_denied", async () => {
    const created = await sandbox.createRequest(signRequest("state-cancelled-0"));
    const wrong = await approve(created.id, hanako.id, "WRONGPIN1");
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 4 });
    const cancelled = await sandbox.browser.post(`/api/approvals/${created.id}/cancel`);
    const redirect = new URL(((await cancelled.json()) as { redirectTo: string }).redirectTo);
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe("state-cancelled-0");
    expect(((await (await approve(created.id, hanako.id, HANAKO_PINS.signingPin)).json()) as { code: string }).code).toBe("APPROVAL_NOT_PENDING");
    // The correct PIN afterwards resets the counter (JPKI.md "The card").
    await approvedCode();
    const card = (await (await sandbox.browser.get(`/api/cards/${hanako.id}`)).json()) as { card: CardView };
    expect(card.card.pins.signing).toEqual({ triesLeft: 5, maxTries: 5, blocked: false });
  });
});

describe("an auth approval", () => {
  it("returns a signature over the challenge that verifies with the R certificate", async () => {
    const challenge = getCrypto().getRandomValues(new Uint8Array(32));
    const { code, state } = await approvedCode({
      kind: "auth",
      challenge: bytesToBase64(challenge),
      displayText: "サンドボックス銀行 ログイン / log in",
      returnUrl: `${TEST_BANK.origin}/callback`,
      state: "login-state-0001",
    } as never);
    const result = (await (await redeem(code, state)).json()) as Extract<SigningResult, { kind: "auth" }>;
    expect(result.kind).toBe("auth");
    const certificate = parseX509(result.userAuthCertificate);
    expect(parseCertificate(result.userAuthCertificate).kind).toBe("R");
    const key = await certificate.publicKey.export({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, ["verify"], getCrypto());
    expect(await getCrypto().subtle.verify("RSASSA-PKCS1-v1_5", key, base64ToBytes(result.signature), challenge)).toBe(true);
  });
});

describe("the bank API's gate", () => {
  it("refuses unknown clients, wrong secrets and return URLs outside the client's origins", async () => {
    const unknown = await sandbox.call("/api/v1/signing-requests", { json: signRequest(), auth: basic("nobody", "secret-secret-secret") });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect(((await unknown.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
    expect((await sandbox.call("/api/v1/signing-requests", { json: signRequest() })).status).toBe(401);
    const elsewhere = await sandbox.call("/api/v1/signing-requests", { json: { ...signRequest(), returnUrl: "https://evil.test/cb" }, auth: bankAuth });
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as { code: string }).code).toBe("RETURN_URL_NOT_ALLOWED");
    const invalid = await sandbox.call("/api/v1/signing-requests", { json: { kind: "sign" }, auth: bankAuth });
    expect(((await invalid.json()) as { code: string }).code).toBe("VALIDATION_FAILED");
  });

  it("refuses browser POSTs without the CSRF token", async () => {
    const created = await sandbox.createRequest(signRequest());
    const response = await sandbox.browser.post(`/api/approvals/${created.id}/approve`, { cardId: hanako.id, pin: HANAKO_PINS.signingPin }, { csrf: false });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe("CSRF_INVALID");
  });
});
