import { bytesToBase64 } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestJlis, type IssuedTestCard, type TestJlis } from "../../test-support/test-jlis.js";

let t: TestJlis;
let bank: string;
let hanako: IssuedTestCard;
beforeAll(async () => {
  t = await startTestJlis();
  bank = await t.addVerifier("bank-1");
  hanako = await t.issueCard();
});
afterAll(() => t?.stop());

const userAuthPath = (serial: string) => `/linkage/v1/signing-certificates/${serial}/user-auth-certificate`;
const currentPath = (serial: string) => `/linkage/v1/signing-certificates/${serial}/current-signing-certificate`;

async function code(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return ((await response.json()) as { code: string }).code;
}

function consent(verifierId: string, issuedAt = t.jlis.clock.now()) {
  return new TextEncoder().encode(JSON.stringify({ type: "jpki-sandbox/linkage-consent", verifierId, purpose: "口座の届出事項の更新", issuedAt: issuedAt.toISOString() }));
}

describe("linkage access control", () => {
  it("answers 401 without credentials and with a wrong secret, and audits both", async () => {
    const none = await t.call(userAuthPath(hanako.sSerial));
    expect(none.status).toBe(401);
    expect(await code(none)).toBe("UNAUTHENTICATED");
    const wrong = await t.call(userAuthPath(hanako.sSerial), { auth: `Basic ${Buffer.from("bank-1:nope").toString("base64")}` });
    expect(wrong.status).toBe(401);
    const events = await t.jlis.store.audit.list({ limit: 20 });
    expect(events.filter((e) => e.action.startsWith("linkage") && e.outcome === "denied").map((e) => e.actorId)).toEqual(
      expect.arrayContaining(["unauthenticated:-", "unauthenticated:bank-1"]),
    );
  });

  it("answers 403 to a verifier without the scope, and to the municipal counter", async () => {
    const limited = await t.addVerifier("bank-limited", ["linkage:signing"]);
    const response = await t.call(userAuthPath(hanako.sSerial), { auth: limited });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe("FORBIDDEN");
    expect((await t.call(userAuthPath(hanako.sSerial), { auth: t.counterAuth })).status).toBe(401);
  });
});

describe("linkage 1: S → R (⑦⑧)", () => {
  it("answers the holder's current R serial and audits the call", async () => {
    const response = await t.call(userAuthPath(hanako.sSerial), { auth: bank });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      signingCertificate: { serialNumber: hanako.sSerial, status: "good" },
      userAuthCertificate: { serialNumber: hanako.rSerial, status: "good" },
    });
    const [latest] = await t.jlis.store.audit.list({ limit: 1 });
    expect(latest).toMatchObject({ actorType: "verifier", actorId: "bank-1", outcome: "ok", target: hanako.sSerial });
  });

  it("answers 404 for an unknown serial, an R serial, and 400 for a non-hex one", async () => {
    expect(await code(await t.call(userAuthPath("0123456789abcdef"), { auth: bank }))).toBe("CERTIFICATE_NOT_FOUND");
    expect((await t.call(userAuthPath(hanako.rSerial), { auth: bank })).status).toBe(404);
    const bad = await t.call(userAuthPath("not-hex"), { auth: bank });
    expect(bad.status).toBe(400);
  });

  it("returns 503 LINKAGE_UNAVAILABLE while the chaos knob is on", async () => {
    await t.jlis.controls.setChaos({ ocsp: { mode: "off", delayMs: 0 }, linkage: { mode: "unavailable", delayMs: 0 } });
    try {
      const response = await t.call(userAuthPath(hanako.sSerial), { auth: bank });
      expect(response.status).toBe(503);
      expect(await code(response)).toBe("LINKAGE_UNAVAILABLE");
    } finally {
      await t.jlis.controls.setChaos({ ocsp: { mode: "off", delayMs: 0 }, linkage: { mode: "off", delayMs: 0 } });
    }
  });
});

describe("linkage 2: old S → current S", () => {
  it("follows a move and a renewal to the current S", async () => {
    const holder = await t.issueCard();
    await holder.card.regenerateSigningKey();
    const moved = await t.call(`/api/v1/cards/${holder.cardId}/address-change`, {
      auth: t.counterAuth,
      json: { address: "東京都港区芝公園四丁目２番８号", prefecture: "東京都", city: "港区", prefectureRomaji: "Tokyo-to", cityRomaji: "Minato-ku", localGovernmentCode: "131032", signingCsr: await holder.card.signingCsr() },
    });
    const afterMove = ((await moved.json()) as { signingCertificate: { serialNumber: string } }).signingCertificate.serialNumber;
    const response = await t.call(currentPath(holder.sSerial), { auth: bank });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { succession: string[]; currentSigningCertificate: { serialNumber: string; status: string; pem: string } };
    expect(body.succession).toEqual([holder.sSerial, afterMove]);
    expect(body.currentSigningCertificate).toMatchObject({ serialNumber: afterMove, status: "good" });
    expect(body.currentSigningCertificate.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // S → R still finds the same card's R (a move never revokes R).
    expect(await (await t.call(userAuthPath(holder.sSerial), { auth: bank })).json()).toMatchObject({ userAuthCertificate: { serialNumber: holder.rSerial } });
  });
});

describe("linkage 3: latest four attributes with consent", () => {
  it("returns the attributes for a consent signed by the holder's current S naming this verifier", async () => {
    const cms = await hanako.card.signWithSigningKey(consent("bank-1"), hanako.sPem);
    const response = await t.call("/linkage/v1/attributes", { auth: bank, json: { consent: bytesToBase64(cms) } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      attributes: { name: "総務　花子", dateOfBirth: "2010-03-31", sex: "female", address: "東京都千代田区霞が関二丁目１番２号" },
      signingCertificate: { serialNumber: hanako.sSerial },
    });
  });

  it("refuses a consent naming another verifier, an expired one, and garbage", async () => {
    for (const cms of [
      await hanako.card.signWithSigningKey(consent("another-bank"), hanako.sPem),
      await hanako.card.signWithSigningKey(consent("bank-1", new Date(t.jlis.clock.now().getTime() - 2 * 86_400_000)), hanako.sPem),
      new TextEncoder().encode("not a CMS at all, just text"),
    ]) {
      const response = await t.call("/linkage/v1/attributes", { auth: bank, json: { consent: bytesToBase64(cms) } });
      expect(response.status).toBe(400);
      expect(await code(response)).toBe("CONSENT_INVALID");
    }
  });
});
