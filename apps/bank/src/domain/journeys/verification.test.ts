import { createChallenge, signChallenge, signCms, type Bytes } from "@jpki-sandbox/jpki-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bankChallengeStore } from "../challenge-store.js";
import { mismatchedFields } from "../checks/attribute-match.js";
import { isBankError } from "../errors.js";
import { FakeJlis } from "../test-support/fake-jlis.js";
import { MemoryBankStore } from "../test-support/memory-store.js";
import { SANDBOX_NOW, testPki, type TestPki } from "../test-support/sandbox.js";
import { LOGIN_STEPS, OPENING_STEPS, StepLog } from "./steps.js";
import { CertificateVerifier } from "./verification.js";

const DOCUMENT = new TextEncoder().encode("口座開設申込書 (TEST ONLY)");

let pki: TestPki;
let jlis: FakeJlis;
let verifier: CertificateVerifier;
let log: StepLog;

beforeAll(async () => {
  pki = await testPki();
});

beforeEach(() => {
  jlis = new FakeJlis(pki);
  verifier = new CertificateVerifier(jlis, { retries: 2, retryDelayMs: 500, sleep: async () => undefined });
  log = new StepLog(OPENING_STEPS, () => SANDBOX_NOW);
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isBankError(error)) return error.code;
    throw error;
  }
  return undefined;
}

const step = (key: string) => log.steps.find((s) => s.key === key)!;

function sign(holder: TestPki["hanakoS"], content: Bytes = DOCUMENT) {
  return signCms({ content, signerCertificate: holder.certificate, signer: holder.signer, signingTime: SANDBOX_NOW });
}

describe("CertificateVerifier: ③④ for a signed application", () => {
  it("passes 花子's S-signed application and returns her S certificate", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    expect(certificate.kind).toBe("S");
    expect(step("signature").outcome).toBe("passed");
    expect(step("verify").outcome).toBe("passed");
    expect(step("verify").checks.every((c) => c.outcome === "passed")).toBe(true);
  });

  it("the returned S certificate's decoded four attributes match 花子's form as typed", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    const form = { name: "総務 花子", dateOfBirth: "2010-03-31", sex: "female" as const, address: "東京都千代田区霞が関二丁目1番2号" };
    expect(mismatchedFields(form, certificate.attributes!)).toEqual([]);
  });

  it("WRONG_CERTIFICATE_KIND for an application signed with the R key (R certificate in the CMS)", async () => {
    const signedData = await sign(pki.hanakoR);
    expect(await codeOf(verifier.verifyDocument(log, { signedData, document: DOCUMENT, at: SANDBOX_NOW, what: "the application" }))).toBe("WRONG_CERTIFICATE_KIND");
    expect(step("verify").outcome).toBe("failed");
    // The signature itself is fine; the kind check is what fails, and the chain is never looked at.
    expect(step("verify").checks.map((c) => c.outcome)).toEqual(["passed", "passed", "failed"]);
    expect(step("ocspRequest").outcome).toBe("skipped");
  });

  it("SIGNATURE_INVALID for a tampered CMS; DOCUMENT_MISMATCH for another document", async () => {
    const tampered = Uint8Array.from(await sign(pki.hanakoS));
    tampered[tampered.length - 5]! ^= 0x01;
    expect(await codeOf(verifier.verifyDocument(log, { signedData: tampered, document: DOCUMENT, at: SANDBOX_NOW, what: "the application" }))).toBe("SIGNATURE_INVALID");
    const other = await sign(pki.hanakoS, new TextEncoder().encode("another application"));
    expect(await codeOf(verifier.verifyDocument(log, { signedData: other, document: DOCUMENT, at: SANDBOX_NOW, what: "the application" }))).toBe("DOCUMENT_MISMATCH");
  });

  it("CERTIFICATE_EXPIRED when sandbox time is past the S certificate's notAfter", async () => {
    const at = new Date(pki.hanakoS.certificate.notAfter.getTime() + 86_400_000);
    expect(await codeOf(verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at, what: "the application" }))).toBe("CERTIFICATE_EXPIRED");
  });
});

describe("CertificateVerifier: ③'④' for a login", () => {
  async function answer(holder: TestPki["hanakoR"]) {
    const store = bankChallengeStore(new MemoryBankStore().challenges, () => SANDBOX_NOW);
    const challenge = createChallenge({ now: SANDBOX_NOW });
    await store.save(challenge);
    return { challengeId: challenge.id, signature: await signChallenge(challenge, holder.signer), store, at: SANDBOX_NOW, challengeNow: SANDBOX_NOW };
  }

  it("passes 花子's R answer", async () => {
    const login = new StepLog(LOGIN_STEPS, () => SANDBOX_NOW);
    const certificate = await verifier.verifyChallenge(login, { ...(await answer(pki.hanakoR)), certificatePem: pki.hanakoR.certificate.toString("pem") });
    expect(certificate.kind).toBe("R");
    expect(login.steps.find((s) => s.key === "verify")?.outcome).toBe("passed");
  });

  it("WRONG_CERTIFICATE_KIND when the challenge is answered with the S key and S certificate", async () => {
    const login = new StepLog(LOGIN_STEPS, () => SANDBOX_NOW);
    const input = { ...(await answer(pki.hanakoS)), certificatePem: pki.hanakoS.certificate.toString("pem") };
    expect(await codeOf(verifier.verifyChallenge(login, input))).toBe("WRONG_CERTIFICATE_KIND");
  });
});

describe("CertificateVerifier: ⑤⑥", () => {
  it("good: both steps pass, the attempts are in the detail", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    jlis.queueError("tryLater");
    await verifier.checkStatus(log, certificate, "S", SANDBOX_NOW);
    expect(step("ocspRequest")).toMatchObject({ outcome: "passed", checks: [{ outcome: "passed", detail: expect.stringContaining("2 attempt(s): tryLater, successful") }] });
    expect(step("ocspResponse").outcome).toBe("passed");
  });

  it("revoked: the response check passes, the status check fails with CERTIFICATE_REVOKED", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    jlis.setStatus(certificate.serialNumber, { status: "revoked", revokedAt: new Date("2026-04-20T00:00:00Z"), reason: "affiliationChanged" });
    expect(await codeOf(verifier.checkStatus(log, certificate, "S", SANDBOX_NOW))).toBe("CERTIFICATE_REVOKED");
    expect(step("ocspResponse")).toMatchObject({ outcome: "failed", checks: [{ outcome: "passed" }, { outcome: "failed" }] });
  });

  it("a forged response: OCSP_RESPONSE_INVALID at ⑥", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    jlis.queueAnswer({ signer: { certificate: pki.hanakoS.certificate, privateKey: pki.hanakoS.keys.privateKey } });
    expect(await codeOf(verifier.checkStatus(log, certificate, "S", SANDBOX_NOW))).toBe("OCSP_RESPONSE_INVALID");
    expect(step("ocspRequest").outcome).toBe("passed");
    expect(step("ocspResponse").outcome).toBe("failed");
  });

  it("tryLater every time: OCSP_TRY_LATER at ⑤, ⑥ stays skipped", async () => {
    const certificate = await verifier.verifyDocument(log, { signedData: await sign(pki.hanakoS), document: DOCUMENT, at: SANDBOX_NOW, what: "the application" });
    jlis.queueError("tryLater", 3);
    expect(await codeOf(verifier.checkStatus(log, certificate, "S", SANDBOX_NOW))).toBe("OCSP_TRY_LATER");
    expect(step("ocspRequest").outcome).toBe("failed");
    expect(step("ocspResponse").outcome).toBe("skipped");
  });
});
