import { HANAKO, parseCertificate, type Persona } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSoftwareCard } from "../../test-support/software-card.js";
import { basic, startTestJlis, type TestJlis } from "../../test-support/test-jlis.js";

const { id: _id, ...HANAKO_FIELDS } = HANAKO;
void _id;

let t: TestJlis;
beforeAll(async () => {
  t = await startTestJlis();
});
afterAll(() => t?.stop());

async function problem(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { code: string; status: number; title: string; detail?: string; [member: string]: unknown };
}

describe("municipal counter authentication", () => {
  it("refuses a call without credentials with 401, a challenge and a problem document", async () => {
    const response = await t.call("/api/v1/residents", { json: HANAKO_FIELDS });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await problem(response)).code).toBe("UNAUTHENTICATED");
  });

  it("refuses a wrong secret and an unknown client", async () => {
    for (const auth of [basic("test-counter", "wrong"), basic("nobody", "x")]) {
      const response = await t.call("/api/v1/residents", { json: HANAKO_FIELDS, auth });
      expect(response.status).toBe(401);
    }
  });

  it("refuses an accredited verifier on the counter API (wrong kind of client)", async () => {
    const verifier = await t.addVerifier("bank-on-counter");
    const response = await t.call("/api/v1/residents", { json: HANAKO_FIELDS, auth: verifier });
    expect(response.status).toBe(401);
  });
});

describe("registering residents", () => {
  it("validates the body and names the bad fields", async () => {
    const response = await t.call("/api/v1/residents", { auth: t.counterAuth, json: { ...HANAKO_FIELDS, dateOfBirth: "31/03/2010", localGovernmentCode: "13101" } });
    expect(response.status).toBe(400);
    const body = (await problem(response)) as unknown as { code: string; issues: { path: string }[] };
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.issues.map((i) => i.path).sort()).toEqual(["body.dateOfBirth", "body.localGovernmentCode"]);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await t.call("/api/v1/residents", { auth: t.counterAuth, method: "POST", body: "{oops", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    expect((await problem(response)).code).toBe("BAD_REQUEST");
  });

  it("registers a resident and reads it back", async () => {
    const response = await t.call("/api/v1/residents", { auth: t.counterAuth, json: HANAKO_FIELDS });
    expect(response.status).toBe(201);
    const { resident } = (await response.json()) as { resident: { id: string; name: string } };
    expect(resident.name).toBe("総務　花子");
    const read = await t.call(`/api/v1/residents/${resident.id}`, { auth: t.counterAuth });
    expect(await read.json()).toMatchObject({ resident: { id: resident.id, address: HANAKO.address }, cards: [] });
  });

  it("answers 404 with a stable code for an unknown resident", async () => {
    const response = await t.call("/api/v1/residents/nope", { auth: t.counterAuth });
    expect(response.status).toBe(404);
    expect((await problem(response)).code).toBe("RESIDENT_NOT_FOUND");
  });
});

describe("issuing a card", () => {
  it("issues S and R for the card's keys, per the JPKI profile", async () => {
    const issued = await t.issueCard();
    const s = parseCertificate(issued.sPem);
    const r = parseCertificate(issued.rPem);
    expect(s.kind).toBe("S");
    expect(r.kind).toBe("R");
    expect(s.attributes?.name).toBe("総務　花子");
    expect(s.ocspUrls).toEqual([`${t.url}/ocsp/s`]);
    expect(r.ocspUrls).toEqual([`${t.url}/ocsp/r`]);
    // The certificate carries the card's own key (the CSR's), not one jlis made.
    const spki = new Uint8Array(await crypto.subtle.exportKey("spki", issued.card.signingKeys.publicKey));
    expect(Buffer.from(s.certificate.publicKey.rawData).equals(Buffer.from(spki))).toBe(true);
    const status = await t.call(`/api/v1/certificates/${issued.sSerial}`, { auth: t.counterAuth });
    expect(await status.json()).toMatchObject({ serialNumber: issued.sSerial, kind: "S", status: "good" });
  });

  it("refuses a second active card for the same resident", async () => {
    const issued = await t.issueCard();
    const card = await createSoftwareCard();
    const response = await t.call(`/api/v1/residents/${issued.residentId}/cards`, { auth: t.counterAuth, json: { userAuthCsr: await card.userAuthCsr() } });
    expect(response.status).toBe(409);
    expect((await problem(response)).code).toBe("RESIDENT_HAS_ACTIVE_CARD");
  });

  it("refuses a CSR whose signature does not verify (no proof of possession)", async () => {
    const registered = (await (await t.call("/api/v1/residents", { auth: t.counterAuth, json: HANAKO_FIELDS })).json()) as { resident: { id: string } };
    const card = await createSoftwareCard();
    const csr = await card.userAuthCsr();
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der[der.length - 5] = (der[der.length - 5] as number) ^ 0xff; // inside the signature
    const response = await t.call(`/api/v1/residents/${registered.resident.id}/cards`, { auth: t.counterAuth, json: { userAuthCsr: der.toString("base64") } });
    expect(response.status).toBe(400);
    const body = (await problem(response)) as unknown as { code: string; jpkiCode: string };
    expect(body.code).toBe("PROOF_OF_POSSESSION_FAILED");
    expect(body.jpkiCode).toBe("CSR_SIGNATURE_INVALID");
  });

  it("refuses the same key for S and R", async () => {
    const registered = (await (await t.call("/api/v1/residents", { auth: t.counterAuth, json: HANAKO_FIELDS })).json()) as { resident: { id: string } };
    const card = await createSoftwareCard();
    const csr = await card.userAuthCsr();
    const response = await t.call(`/api/v1/residents/${registered.resident.id}/cards`, { auth: t.counterAuth, json: { userAuthCsr: csr, signingCsr: csr } });
    expect(response.status).toBe(409);
    expect((await problem(response)).code).toBe("KEY_REUSED");
  });

  it("gives an under-15 an S only on request", async () => {
    const child: Persona = { ...HANAKO, name: "総務　太郎", sex: "male", dateOfBirth: "2016-05-05" };
    const { id: _child, ...fields } = child;
    void _child;
    const registered = (await (await t.call("/api/v1/residents", { auth: t.counterAuth, json: fields })).json()) as { resident: { id: string } };
    const card = await createSoftwareCard();
    const request = { userAuthCsr: await card.userAuthCsr(), signingCsr: await card.signingCsr() };
    const refused = await t.call(`/api/v1/residents/${registered.resident.id}/cards`, { auth: t.counterAuth, json: request });
    expect(refused.status).toBe(409);
    expect((await problem(refused)).code).toBe("SIGNING_CERTIFICATE_NOT_ELIGIBLE");
    const onRequest = await t.call(`/api/v1/residents/${registered.resident.id}/cards`, { auth: t.counterAuth, json: { ...request, requestSigningCertificate: true } });
    expect(onRequest.status).toBe(201);
    expect(await onRequest.json()).toHaveProperty("signingCertificate.kind", "S");
  });
});

describe("life events", () => {
  it("move house: S revoked affiliationChanged, new S with the new address on a new key, R untouched", async () => {
    const issued = await t.issueCard();
    await issued.card.regenerateSigningKey();
    const response = await t.call(`/api/v1/cards/${issued.cardId}/address-change`, {
      auth: t.counterAuth,
      json: {
        address: "大阪府大阪市北区中之島一丁目３番２０号",
        prefecture: "大阪府",
        city: "大阪市北区",
        prefectureRomaji: "Osaka-fu",
        cityRomaji: "Osaka-shi-Kita-ku",
        localGovernmentCode: "271276",
        signingCsr: await issued.card.signingCsr(),
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { revoked: { serialNumber: string; revocationReason: string }[]; signingCertificate: { serialNumber: string; pem: string; predecessorSerialNumber: string } };
    expect(body.revoked).toEqual([expect.objectContaining({ serialNumber: issued.sSerial, revocationReason: "affiliationChanged" })]);
    expect(body.signingCertificate.predecessorSerialNumber).toBe(issued.sSerial);
    const s = parseCertificate(body.signingCertificate.pem);
    expect(s.attributes?.address).toBe("大阪府大阪市北区中之島一丁目３番２０号");
    expect(s.municipality).toEqual({ prefectureRomaji: "Osaka-fu", cityRomaji: "Osaka-shi-Kita-ku" });
    const r = await t.call(`/api/v1/certificates/${issued.rSerial}`, { auth: t.counterAuth });
    expect(await r.json()).toMatchObject({ status: "good" });
  });

  it("change of name needs the card's new S key", async () => {
    const issued = await t.issueCard();
    const missing = await t.call(`/api/v1/cards/${issued.cardId}/name-change`, { auth: t.counterAuth, json: { name: "山田　花子" } });
    expect(missing.status).toBe(400);
    await issued.card.regenerateSigningKey();
    const changed = await t.call(`/api/v1/cards/${issued.cardId}/name-change`, { auth: t.counterAuth, json: { name: "山田　花子", signingCsr: await issued.card.signingCsr() } });
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { signingCertificate: { pem: string } };
    expect(parseCertificate(body.signingCertificate.pem).attributes?.name).toBe("山田　花子");
  });

  it("renewal: a new card; old S and R superseded; old S → new S recorded", async () => {
    const issued = await t.issueCard();
    const next = await createSoftwareCard();
    const response = await t.call(`/api/v1/cards/${issued.cardId}/renewal`, {
      auth: t.counterAuth,
      json: { userAuthCsr: await next.userAuthCsr(), signingCsr: await next.signingCsr() },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { card: { id: string }; revoked: { serialNumber: string; revocationReason: string }[]; signingCertificate: { predecessorSerialNumber: string } };
    expect(body.card.id).not.toBe(issued.cardId);
    expect(body.revoked.map((c) => [c.serialNumber, c.revocationReason]).sort()).toEqual(
      [[issued.sSerial, "superseded"], [issued.rSerial, "superseded"]].sort(),
    );
    expect(body.signingCertificate.predecessorSerialNumber).toBe(issued.sSerial);
    const again = await t.call(`/api/v1/cards/${issued.cardId}/loss`, { auth: t.counterAuth, method: "POST" });
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe("CARD_NOT_ACTIVE");
  });

  it("loss: both keyCompromise; death: everything cessationOfOperation and no new card", async () => {
    const lost = await t.issueCard();
    const response = await t.call(`/api/v1/cards/${lost.cardId}/loss`, { auth: t.counterAuth, method: "POST" });
    expect(((await response.json()) as { revoked: { revocationReason: string }[] }).revoked.map((c) => c.revocationReason)).toEqual(["keyCompromise", "keyCompromise"]);

    const dead = await t.issueCard();
    const died = await t.call(`/api/v1/residents/${dead.residentId}/death`, { auth: t.counterAuth, method: "POST" });
    expect(((await died.json()) as { revoked: { revocationReason: string }[] }).revoked.map((c) => c.revocationReason)).toEqual(["cessationOfOperation", "cessationOfOperation"]);
    const card = await createSoftwareCard();
    const refused = await t.call(`/api/v1/residents/${dead.residentId}/cards`, { auth: t.counterAuth, json: { userAuthCsr: await card.userAuthCsr() } });
    expect(refused.status).toBe(409);
    expect((await problem(refused)).code).toBe("RESIDENT_DECEASED");
  });

  it("answers unknown cards and routes as problem documents", async () => {
    const card = await t.call("/api/v1/cards/nope/loss", { auth: t.counterAuth, method: "POST" });
    expect(card.status).toBe(404);
    expect((await problem(card)).code).toBe("CARD_NOT_FOUND");
    const route = await t.call("/no/such/thing");
    expect(route.status).toBe(404);
    expect((await problem(route)).code).toBe("NOT_FOUND");
  });
});
