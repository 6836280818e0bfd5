// Citizens, their cards signing and authenticating over APDU sessions, and approvals — against a real jlis and
// portal in this process.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  base64ToBytes,
  createChallenge,
  HANAKO,
  InMemoryChallengeStore,
  parseCertificate,
  parseX509,
  verifyChallengeResponse,
  verifyCms,
} from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANAKO_PINS, isSandboxError, type Citizen } from "./index.js";
import { startInProcessSandbox, TEST_BANK, type InProcessSandbox } from "./test-support/in-process.js";

let env: InProcessSandbox;
let hanako: Citizen;
let work: string;

beforeAll(async () => {
  env = await startInProcessSandbox();
  hanako = await env.sandbox.createCitizen({ persona: "hanako" });
  work = mkdtempSync(join(tmpdir(), "jpki-sandbox-client-"));
});

afterAll(async () => {
  await env?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isSandboxError(error)) throw new Error(`expected a SandboxError, got ${String(error)}`);
  return error;
}

describe("createCitizen", () => {
  it("issues 花子 a card with S and R from jlis, with her default PINs", () => {
    const { persona, card } = hanako;
    expect(persona).toMatchObject({ id: "hanako", name: HANAKO.name, dateOfBirth: "2010-03-31" });
    expect(card.pins).toEqual(HANAKO_PINS);
    expect(card.status).toBe("active");
    const s = parseCertificate(card.signingCertificatePem!);
    const r = parseCertificate(card.userAuthCertificatePem);
    expect([s.kind, s.serialNumber]).toEqual(["S", card.signingSerial]);
    expect([r.kind, r.serialNumber]).toEqual(["R", card.userAuthSerial]);
  });

  it("issues a random synthetic resident a card of their own (S too, even under 15)", async () => {
    const { persona, card } = await env.sandbox.createCitizen();
    expect(persona.id).toMatch(/^synthetic-/);
    expect(card.persona.name).toBe(persona.name);
    expect(card.signingSerial).toBeDefined();
    expect(card.pins).toEqual({ userAuth: "1234", signing: "SANDBOX1" });
    expect(card.id).not.toBe(hanako.card.id);
  });

  it("refuses a PIN that breaks the rule before anything is issued", async () => {
    const error = await failure(env.sandbox.createCitizen({ userAuthPin: "12345" }));
    expect(error.code).toBe("PIN_FORMAT");
    expect(error.problem?.code).toBe("PIN_FORMAT");
  });
});

describe("card.sign", () => {
  it("makes an attached CMS SignedData with the S key that jpki-core and openssl verify, giving back the document", async () => {
    const document = "口座開設申込書 / Application for an account — TEST ONLY\n";
    const { signedData, certificatePem } = await hanako.card.sign(document, { pin: HANAKO_PINS.signing });
    expect(certificatePem.replace(/\s/g, "")).toBe(hanako.card.signingCertificatePem!.replace(/\s/g, ""));

    const verified = await verifyCms(signedData);
    expect(new TextDecoder().decode(verified.content)).toBe(document);
    expect(parseCertificate(new Uint8Array(verified.signerCertificate.rawData)).serialNumber).toBe(hanako.card.signingSerial);

    const cms = join(work, "application.cms");
    const ca = join(work, "s-ca.pem");
    writeFileSync(cms, signedData);
    writeFileSync(ca, await env.sandbox.caCertificatePem("S"));
    const out = execFileSync("openssl", ["cms", "-verify", "-inform", "DER", "-in", cms, "-CAfile", ca, "-purpose", "any"], { stdio: ["ignore", "pipe", "pipe"] });
    expect(out.toString("utf8")).toBe(document);
  });

  it("signs bytes, with the PIN the sandbox set by default", async () => {
    const document = Uint8Array.of(0, 1, 2, 254, 255);
    const { signedData } = await hanako.card.sign(document);
    expect([...(await verifyCms(signedData)).content]).toEqual([...document]);
  });
});

describe("card.authenticate", () => {
  it("answers a login challenge with the R key; verifyChallengeResponse names the R serial", async () => {
    const store = new InMemoryChallengeStore();
    const challenge = createChallenge();
    await store.save(challenge);
    const { signature, certificatePem } = await hanako.card.authenticate(challenge.nonce, { pin: HANAKO_PINS.userAuth });
    const verified = await verifyChallengeResponse({ challengeId: challenge.id, signature, certificate: parseX509(certificatePem), store });
    expect(verified.serialNumber).toBe(hanako.card.userAuthSerial);
  });

  it("a wrong R PIN is PIN_INCORRECT with 2 tries left, as the portal's wallet shows; the right one restores 3", async () => {
    const error = await failure(hanako.card.authenticate("challenge", { pin: "9999" }));
    expect(error.code).toBe("PIN_INCORRECT");
    expect(error.triesLeft).toBe(2);
    expect((await hanako.card.pinStatus()).userAuth).toEqual({ triesLeft: 2, maxTries: 3, blocked: false });
    await hanako.card.authenticate("challenge");
    expect((await hanako.card.pinStatus()).userAuth.triesLeft).toBe(3);
  });

  it("a PIN of the wrong shape is PIN_FORMAT and costs no try", async () => {
    expect((await failure(hanako.card.authenticate("challenge", { pin: "12" }))).code).toBe("PIN_FORMAT");
    expect((await hanako.card.pinStatus()).userAuth.triesLeft).toBe(3);
  });
});

describe("approvals", () => {
  const document = "契約書 / Contract — TEST ONLY";
  const signRequest = (state: string) =>
    env.createSigningRequest({
      kind: "sign",
      document: Buffer.from(document).toString("base64"),
      documentContentType: "text/plain; charset=utf-8",
      displayText: "口座開設 / Open account",
      returnUrl: `${TEST_BANK.origin}/callback`,
      state,
    });

  it("approves a relying party's sign request with the card; the code redeems for a CMS over the document", async () => {
    const { approvalUrl } = await signRequest("state-0123456789");
    expect((await env.sandbox.approval(approvalUrl)).kind).toBe("sign");
    const back = new URL(await env.sandbox.approve(approvalUrl, { cardId: hanako.card.id, pin: HANAKO_PINS.signing }));
    expect(back.origin + back.pathname).toBe(`${TEST_BANK.origin}/callback`);
    expect(back.searchParams.get("state")).toBe("state-0123456789");
    const result = await env.redeem(back.searchParams.get("code")!, "state-0123456789");
    const verified = await verifyCms(base64ToBytes(result.signedData as string));
    expect(new TextDecoder().decode(verified.content)).toBe(document);
  });

  it("approves an auth request with the R PIN the sandbox set when none is given", async () => {
    const challenge = new Uint8Array(32).fill(7);
    const { approvalUrl } = await env.createSigningRequest({
      kind: "auth",
      challenge: Buffer.from(challenge).toString("base64"),
      displayText: "ログイン / Log in",
      returnUrl: `${TEST_BANK.origin}/callback`,
      state: "state-auth-0123",
    });
    const back = new URL(await env.sandbox.approve(approvalUrl, { card: hanako.card }));
    const result = await env.redeem(back.searchParams.get("code")!, "state-auth-0123");
    expect(result.kind).toBe("auth");
  });

  it("a wrong S PIN at the approval is PIN_INCORRECT with 4 tries left; cancel sends the browser back with access_denied", async () => {
    const { approvalUrl } = await signRequest("state-cancel-01");
    const error = await failure(env.sandbox.approve(approvalUrl, { cardId: hanako.card.id, pin: "WRONG123" }));
    expect([error.code, error.triesLeft, error.problem?.code]).toEqual(["PIN_INCORRECT", 4, "PIN_INCORRECT"]);
    const back = new URL(await env.sandbox.cancel(approvalUrl));
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect((await failure(env.sandbox.approve(approvalUrl, { card: hanako.card }))).code).toBe("APPROVAL_NOT_PENDING");
    await hanako.card.sign("restore the S PIN counter");
  });

  it("portal chaos `tamper`: the redeemed CMS no longer verifies, and withChaos restores `off`", async () => {
    const { approvalUrl } = await signRequest("state-tamper-01");
    const code = new URL(await env.sandbox.approve(approvalUrl, { card: hanako.card })).searchParams.get("code")!;
    const result = await env.sandbox.withChaos({ signingResult: "tamper" }, async () => {
      expect(await env.sandbox.getPortalChaos()).toEqual({ signingResult: "tamper" });
      return env.redeem(code, "state-tamper-01");
    });
    await expect(verifyCms(base64ToBytes(result.signedData as string))).rejects.toMatchObject({ code: expect.stringMatching(/^CMS_/) });
    expect(await env.sandbox.getPortalChaos()).toEqual({ signingResult: "off" });
  });

  it("an approval URL that is none is INVALID_ARGUMENT", async () => {
    expect((await failure(env.sandbox.approve("http://127.0.0.1:1/nothing/here", { cardId: "x", pin: "1234" }))).code).toBe("INVALID_ARGUMENT");
  });
});
