// Life events at the counter, revocation and status at jlis, the sandbox clock and chaos — against a real jlis
// and portal in this process.
import { verifyCms } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSandbox, isSandboxError } from "./index.js";
import { startInProcessSandbox, type InProcessSandbox } from "./test-support/in-process.js";

let env: InProcessSandbox;

beforeAll(async () => {
  env = await startInProcessSandbox();
});

afterAll(async () => {
  await env?.stop();
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isSandboxError(error)) throw new Error(`expected a SandboxError, got ${String(error)}`);
  return error;
}

describe("life events", () => {
  it("moveHouse: a new S at the new address, the old S revoked affiliationChanged (OCSP), R untouched", async () => {
    const { card } = await env.sandbox.createCitizen();
    const moved = await env.sandbox.moveHouse(card);
    expect(moved.previousSigningSerial).toBe(card.signingSerial);
    expect(moved.signingSerial).toBeDefined();
    expect(moved.signingSerial).not.toBe(card.signingSerial);
    expect(moved.card.persona.address).not.toBe(card.persona.address);
    expect(moved.card.userAuthSerial).toBe(card.userAuthSerial);

    expect(await env.sandbox.certificateStatus(card.signingSerial!)).toMatchObject({ kind: "S", status: "revoked", reason: "affiliationChanged" });
    expect(await env.sandbox.certificateStatus(moved.signingSerial!)).toMatchObject({ kind: "S", status: "good" });
    expect(await env.sandbox.certificateStatus(card.userAuthSerial)).toMatchObject({ kind: "R", status: "good" });

    // The card signs with its new key and certificate, under the same S PIN.
    const { signedData } = await moved.card.sign("after the move");
    const verified = await verifyCms(signedData);
    expect(verified.signerCertificate.serialNumber.toLowerCase().replace(/^(00)+/, "")).toBe(moved.signingSerial);
  });

  it("moveHouse to a given address, by card id", async () => {
    const { card } = await env.sandbox.createCitizen({ persona: "hanako" });
    const address = { address: "北海道札幌市中央区北一条西二丁目１番地", prefecture: "北海道", city: "札幌市", prefectureRomaji: "Hokkaido", cityRomaji: "Sapporo-shi", localGovernmentCode: "011002" };
    const moved = await env.sandbox.moveHouse(card.id, { address });
    expect(moved.card.persona).toMatchObject(address);
    expect(moved.card.pins.signing).toBe("HANAKO2010");
  });

  it("changeName: a new family name, a new S; the old one affiliationChanged", async () => {
    const { card } = await env.sandbox.createCitizen();
    const renamed = await env.sandbox.changeName(card);
    expect(renamed.card.holderName).not.toBe(card.holderName);
    expect(renamed.card.holderName.split("\u3000")[1]).toBe(card.holderName.split("\u3000")[1]);
    expect((await env.sandbox.certificateStatus(card.signingSerial!, { kind: "S" })).reason).toBe("affiliationChanged");
  });

  it("reportLost: both certificates revoked keyCompromise; the card still signs", async () => {
    const { card } = await env.sandbox.createCitizen();
    const report = await env.sandbox.reportLost(card);
    expect(report.card.status).toBe("lost");
    expect(report.revoked).toEqual({ userAuthSerial: card.userAuthSerial, signingSerial: card.signingSerial });
    expect(await env.sandbox.certificateStatus(card.signingSerial!)).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    expect(await env.sandbox.certificateStatus(card.userAuthSerial)).toMatchObject({ kind: "R", status: "revoked", reason: "keyCompromise" });
    await report.card.authenticate("a lost card still answers");
    expect((await failure(env.sandbox.moveHouse(card))).code).toBe("CARD_NOT_USABLE");
  });

  it("renewCard: a new card with the same PINs; the old certificates superseded", async () => {
    const { card } = await env.sandbox.createCitizen();
    const { card: renewed, previousCard } = await env.sandbox.renewCard(card);
    expect(renewed.id).not.toBe(card.id);
    expect(renewed.pins).toEqual(card.pins);
    expect(previousCard).toMatchObject({ status: "renewed", successorCardId: renewed.id });
    expect((await env.sandbox.certificateStatus(card.userAuthSerial)).reason).toBe("superseded");
    expect((await env.sandbox.certificateStatus(renewed.userAuthSerial)).status).toBe("good");
  });

  it("resetPin unblocks a PIN locked by three wrong tries", async () => {
    const { card } = await env.sandbox.createCitizen();
    for (const triesLeft of [2, 1]) expect((await failure(card.authenticate("x", { pin: "0000" }))).triesLeft).toBe(triesLeft);
    // The last wrong try answers 69 83 (JPKI.md "The card"): blocked at once.
    expect((await failure(card.authenticate("x", { pin: "0000" }))).code).toBe("PIN_BLOCKED");
    expect((await failure(card.authenticate("x"))).code).toBe("PIN_BLOCKED");
    expect((await card.pinStatus()).userAuth.blocked).toBe(true);
    const reset = await env.sandbox.resetPin(card, "userAuth", "4321");
    expect(reset.pins.userAuth).toBe("4321");
    await reset.authenticate("x");
    expect((await reset.pinStatus()).userAuth).toEqual({ triesLeft: 3, maxTries: 3, blocked: false });
  });
});

describe("jlis", () => {
  it("revoke: the operator revokes; OCSP and the registry say so; a second time is CERTIFICATE_ALREADY_REVOKED", async () => {
    const { card } = await env.sandbox.createCitizen();
    const record = await env.sandbox.revoke(card.signingSerial!, "cessationOfOperation");
    expect(record).toMatchObject({ serialNumber: card.signingSerial, kind: "S", status: "revoked", revocationReason: "cessationOfOperation" });
    expect((await env.sandbox.certificateStatus(card.signingSerial!)).reason).toBe("cessationOfOperation");
    const listed = await env.sandbox.certificates({ residentId: card.residentId, status: "revoked" });
    expect(listed.map((c) => c.serialNumber)).toContain(card.signingSerial);
    expect((await failure(env.sandbox.revoke(card.signingSerial!, "keyCompromise"))).code).toBe("CERTIFICATE_ALREADY_REVOKED");
    expect((await failure(env.sandbox.revoke("0badc0ffee", "keyCompromise"))).code).toBe("CERTIFICATE_NOT_FOUND");
  });

  it("setChaos ocsp tryLater: OCSP answers tryLater and certificateStatus fails; withChaos puts `off` back", async () => {
    const { card } = await env.sandbox.createCitizen();
    await env.sandbox.withChaos({ ocsp: "tryLater" }, async () => {
      expect(await env.sandbox.getChaos()).toEqual({ ocsp: "tryLater", ocspDelayMs: 0, linkage: "off", linkageDelayMs: 0 });
      expect((await env.sandbox.ocsp(card.userAuthSerial, "R")).responseStatus).toBe("tryLater");
      expect((await failure(env.sandbox.certificateStatus(card.userAuthSerial, { kind: "R" }))).code).toBe("OCSP_FAILED");
    });
    expect((await env.sandbox.getChaos()).ocsp).toBe("off");
    expect(await env.sandbox.ocsp(card.userAuthSerial, "R")).toMatchObject({ responseStatus: "successful", status: "good" });
  });

  it("setChaos changes only the knobs named; withChaos restores even when the test throws", async () => {
    expect(await env.sandbox.setChaos({ linkage: "unavailable" })).toEqual({ ocsp: "off", ocspDelayMs: 0, linkage: "unavailable", linkageDelayMs: 0 });
    await expect(env.sandbox.withChaos({ ocsp: "unknown", linkage: "off" }, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await env.sandbox.getChaos()).toMatchObject({ ocsp: "off", linkage: "unavailable" });
    await env.sandbox.setChaos({ linkage: "off" });
  });

  it("advanceClock moves the sandbox time forward (and only forward); resetClock brings it back", async () => {
    const before = await env.sandbox.clock();
    const after = await env.sandbox.advanceClock({ days: 30 });
    expect(after.now.getTime() - before.now.getTime()).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(after.now.getTime() - before.now.getTime()).toBeLessThan(31 * 86_400_000);
    expect((await env.sandbox.advanceClock("PT1H")).offsetMs).toBeGreaterThan(after.offsetMs);
    expect((await failure(env.sandbox.advanceClock({ days: -1 }))).code).toBe("INVALID_ARGUMENT");
    expect((await env.sandbox.resetClock()).offsetMs).toBe(0);
  });
});

describe("errors", () => {
  it("a wrong operator password is UNAUTHORIZED, with the problem jlis answered", async () => {
    const wrong = connectSandbox({ jlisUrl: env.sandbox.jlisUrl, portalUrl: env.sandbox.portalUrl, jlisAdmin: { password: "wrong" }, portalAdmin: { password: "wrong" }, env: {} });
    const jlis = await failure(wrong.getChaos());
    expect([jlis.code, jlis.service, jlis.status, jlis.problem?.code]).toEqual(["UNAUTHORIZED", "jlis", 401, "UNAUTHENTICATED"]);
    expect((await failure(wrong.createCitizen())).code).toBe("UNAUTHORIZED");
  });

  it("nothing listening is UNREACHABLE", async () => {
    const nowhere = connectSandbox({ jlisUrl: "http://127.0.0.1:9", portalUrl: "http://127.0.0.1:9", env: {} });
    const error = await failure(nowhere.ready());
    expect([error.code, error.service]).toEqual(["UNREACHABLE", expect.stringMatching(/^(jlis|portal)$/)]);
  });

  it("an unknown card is CARD_NOT_FOUND", async () => {
    expect((await failure(env.sandbox.card("no-such-card"))).code).toBe("CARD_NOT_FOUND");
  });
});
