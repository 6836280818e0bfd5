/**
 * The municipal counter and the wallet against a running portal and jlis: 花子's card issued with keys made
 * on the card, both certificates good at jlis OCSP, life events reflected in what jlis answers.
 */
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApduLogEntry, CardStatusView, CardSummary, CardView, Persona } from "../../shared/api-types.js";
import { HANAKO_PINS, operatorAuth, startTestSandbox, type TestSandbox } from "../../test-support/test-sandbox.js";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.stop();
});

const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;
const statusOf = (id: string) => json<CardStatusView>(sandbox.browser.get(`/api/cards/${id}/status`));

describe("issuing 花子's card at the counter", () => {
  let card: CardView;
  beforeAll(async () => {
    card = await sandbox.issueHanako();
  });

  it("puts her four attributes in the S certificate only", () => {
    expect(card.status).toBe("active");
    expect(card.certificates.signing?.attributes).toMatchObject({
      name: HANAKO.name,
      dateOfBirth: "2010-03-31",
      dateOfBirthValue: "420100331",
      sex: "female",
      sexValue: "2",
      address: HANAKO.address,
    });
    expect(card.certificates.userAuth?.attributes).toBeNull();
    expect(card.certificates.userAuth?.kind).toBe("R");
    expect(card.pins).toEqual({ userAuth: { triesLeft: 3, maxTries: 3, blocked: false }, signing: { triesLeft: 5, maxTries: 5, blocked: false } });
  });

  it("shows both certificates good at jlis OCSP, and lists the card", async () => {
    const status = await statusOf(card.id);
    expect(status.userAuth).toMatchObject({ status: "good", serialNumber: card.certificates.userAuth?.serialNumber, expired: false });
    expect(status.signing).toMatchObject({ status: "good", serialNumber: card.certificates.signing?.serialNumber });
    const { cards } = await json<{ cards: CardSummary[] }>(sandbox.browser.get("/api/cards"));
    expect(cards.map((c) => c.id)).toContain(card.id);
  });

  it("logs the card's APDUs with the PIN masked", async () => {
    const { entries } = await json<{ entries: ApduLogEntry[] }>(sandbox.browser.get(`/api/cards/${card.id}/apdu-log`));
    // Issuance itself is personalisation (no APDUs); the log fills once the card is used. Use it:
    const request = await sandbox.createRequest({
      kind: "auth",
      challenge: Buffer.alloc(32, 7).toString("base64"),
      displayText: "log in",
      returnUrl: "http://bank.test:4020/cb",
      state: "state-apdu-log",
    });
    expect((await sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId: card.id, pin: HANAKO_PINS.userAuthPin })).status).toBe(200);
    const after = await json<{ entries: ApduLogEntry[] }>(sandbox.browser.get(`/api/cards/${card.id}/apdu-log`));
    expect(after.entries.length).toBeGreaterThan(entries.length);
    const verify = after.entries.find((entry) => entry.command.startsWith("00 20 00 80 04"));
    expect(verify?.command).not.toContain("31 32 33 34");
    expect(after.entries.some((entry) => entry.command.startsWith("80 2A 00 80"))).toBe(true);
  });

  it("stamps the APDU log with the sandbox time", async () => {
    const admin = `Basic ${Buffer.from(`admin:${sandbox.jlis.config.adminPassword}`).toString("base64")}`;
    const moveClock = (body: unknown) =>
      fetch(`${sandbox.jlisUrl}/admin/api/clock`, { method: "POST", headers: { "content-type": "application/json", authorization: admin }, body: JSON.stringify(body) });
    expect((await moveClock({ advance: "P30D" })).status).toBe(200);
    try {
      const request = await sandbox.createRequest({
        kind: "auth",
        challenge: Buffer.alloc(32, 3).toString("base64"),
        displayText: "log in",
        returnUrl: "http://bank.test:4020/cb",
        state: "state-sandbox-time",
      });
      expect((await sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId: card.id, pin: HANAKO_PINS.userAuthPin })).status).toBe(200);
      const { entries } = await json<{ entries: ApduLogEntry[] }>(sandbox.browser.get(`/api/cards/${card.id}/apdu-log`));
      const newest = new Date(entries[0]?.at as string).getTime();
      expect(newest - Date.now()).toBeGreaterThan(29 * 86_400_000);
    } finally {
      await moveClock({ reset: true });
    }
  });

  it("refuses PINs that break the card's rules without asking jlis", async () => {
    const response = await sandbox.browser.post("/api/counter/cards", { persona: HANAKO, userAuthPin: "12345", signingPin: HANAKO_PINS.signingPin });
    expect(response.status).toBe(400);
    expect((await json<{ code: string }>(response)).code).toBe("PIN_FORMAT");
    const lower = await sandbox.browser.post("/api/counter/cards", { persona: HANAKO, userAuthPin: "1234", signingPin: "abc123" });
    expect((await json<{ code: string }>(lower)).code).toBe("PIN_FORMAT");
    const invalid = await sandbox.browser.post("/api/counter/cards", { persona: { ...HANAKO, name: "no full-width space" }, ...HANAKO_PINS });
    expect((await json<{ code: string }>(invalid)).code).toBe("VALIDATION_FAILED");
  });
});

describe("an under-15 resident (JPKI.md: S only on request)", () => {
  const child: Persona = { ...HANAKO, id: "taro-child", name: "総務\u3000太郎", sex: "male", dateOfBirth: "2016-04-01" };

  it("gets a card with R only and no S PIN; a sign request offers no card of theirs", async () => {
    const response = await sandbox.browser.post("/api/counter/cards", { persona: child, userAuthPin: "1111" });
    expect(response.status).toBe(201);
    const { card } = await json<{ card: CardView }>(response);
    expect(card.certificates.signing).toBeNull();
    expect(card.hasSigningCertificate).toBe(false);
    expect(card.pins.signing).toBeNull();
    const request = await sandbox.createRequest({
      kind: "sign",
      document: Buffer.from("x").toString("base64"),
      displayText: "sign",
      returnUrl: "http://bank.test:4020/cb",
      state: "state-under-15",
    });
    const view = await json<{ cards: CardSummary[] }>(sandbox.browser.get(`/api/approvals/${request.id}`));
    expect(view.cards.map((c) => c.id)).not.toContain(card.id);
    const refused = await sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId: card.id, pin: "1111" });
    expect((await json<{ code: string }>(refused)).code).toBe("CARD_LACKS_CERTIFICATE");
  });

  it("gets S when requested, and then must set its PIN", async () => {
    const requested = { ...child, requestSigningCertificate: true };
    const missing = await sandbox.browser.post("/api/counter/cards", { persona: requested, userAuthPin: "1111" });
    expect((await json<{ code: string }>(missing)).code).toBe("PIN_FORMAT");
    const response = await sandbox.browser.post("/api/counter/cards", { persona: requested, userAuthPin: "1111", signingPin: "CHILD2016" });
    expect(response.status).toBe(201);
    expect((await json<{ card: CardView }>(response)).card.certificates.signing?.attributes?.name).toBe("総務\u3000太郎");
  });
});

describe("life events", () => {
  it("moving house revokes S (affiliationChanged), issues a new S with the new address, keeps R", async () => {
    const card = await sandbox.issueHanako();
    const moved = await json<{ card: CardView }>(
      sandbox.browser.post(`/api/counter/cards/${card.id}/address-change`, {
        address: "東京都新宿区西新宿二丁目８番１号",
        prefecture: "東京都",
        city: "新宿区",
        prefectureRomaji: "Tokyo-to",
        cityRomaji: "Shinjuku-ku",
        localGovernmentCode: "131041",
        signingPin: "NEWPIN2026",
      }),
    );
    expect(moved.card.certificates.signing?.attributes?.address).toBe("東京都新宿区西新宿二丁目８番１号");
    expect(moved.card.certificates.signing?.serialNumber).not.toBe(card.certificates.signing?.serialNumber);
    expect(moved.card.certificates.userAuth?.serialNumber).toBe(card.certificates.userAuth?.serialNumber);
    const status = await statusOf(card.id);
    expect(status.signing?.status).toBe("good");
    expect(status.userAuth?.status).toBe("good");
    const old = await sandbox.jlis.store.certificates.get(card.certificates.signing?.serialNumber as string);
    expect(old?.revocationReason).toBe("affiliationChanged");
  });

  it("a lost card has both certificates revoked keyCompromise and no more life events", async () => {
    const card = await sandbox.issueHanako();
    const lost = await json<{ card: CardView }>(sandbox.browser.post(`/api/counter/cards/${card.id}/loss`));
    expect(lost.card.status).toBe("lost");
    const status = await statusOf(card.id);
    expect(status.userAuth).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    expect(status.signing).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    const again = await sandbox.browser.post(`/api/counter/cards/${card.id}/loss`);
    expect((await json<{ code: string }>(again)).code).toBe("CARD_NOT_USABLE");
  });

  it("three wrong R PINs block the card; the counter's PIN reset unblocks it", async () => {
    const card = await sandbox.issueHanako();
    const request = () =>
      sandbox.createRequest({ kind: "auth", challenge: Buffer.alloc(32, 1).toString("base64"), displayText: "log in", returnUrl: "http://bank.test:4020/cb", state: "state-blocked" });
    const { id } = await request();
    const attempt = (pin: string) => sandbox.browser.post(`/api/approvals/${id}/approve`, { cardId: card.id, pin });
    expect(await json(attempt("0000"))).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 2 });
    expect(await json(attempt("0001"))).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 1 });
    const third = await attempt("0002");
    expect(third.status).toBe(423);
    expect(await json(third)).toMatchObject({ code: "PIN_BLOCKED" });
    expect(await json(attempt(HANAKO_PINS.userAuthPin))).toMatchObject({ code: "PIN_BLOCKED" });
    const blocked = await json<{ card: CardView }>(sandbox.browser.get(`/api/cards/${card.id}`));
    expect(blocked.card.pins.userAuth).toEqual({ triesLeft: 0, maxTries: 3, blocked: true });

    const reset = await json<{ card: CardView }>(sandbox.browser.post(`/api/counter/cards/${card.id}/pin-reset`, { pin: "userAuth", newPin: "9876" }));
    expect(reset.card.pins.userAuth).toEqual({ triesLeft: 3, maxTries: 3, blocked: false });
    expect((await attempt("9876")).status).toBe(200);
  });

  it("counts every wrong PIN even when two approvals hit the card at once", async () => {
    const card = await sandbox.issueHanako();
    const requests = await Promise.all(
      [1, 2].map((n) =>
        sandbox.createRequest({ kind: "auth", challenge: Buffer.alloc(32, n).toString("base64"), displayText: "log in", returnUrl: "http://bank.test:4020/cb", state: `state-concurrent-${n}` }),
      ),
    );
    const answers = await Promise.all(requests.map(({ id }) => sandbox.browser.post(`/api/approvals/${id}/approve`, { cardId: card.id, pin: "0000" }).then(json<{ triesLeft: number }>)));
    expect(answers.map((answer) => answer.triesLeft).sort()).toEqual([1, 2]);
  });

  it("renewal makes a new card and retires the old one (superseded)", async () => {
    const card = await sandbox.issueHanako();
    const response = await sandbox.browser.post(`/api/counter/cards/${card.id}/renewal`, { userAuthPin: "2468", signingPin: "RENEWED2031" });
    expect(response.status).toBe(201);
    const renewed = (await json<{ card: CardView }>(response)).card;
    expect(renewed.id).not.toBe(card.id);
    expect(renewed.residentId).toBe(card.residentId);
    const old = await json<{ card: CardView }>(sandbox.browser.get(`/api/cards/${card.id}`));
    expect(old.card.status).toBe("renewed");
    expect(old.card.successorCardId).toBe(renewed.id);
    expect((await statusOf(card.id)).userAuth).toMatchObject({ status: "revoked", reason: "superseded" });
    expect((await statusOf(renewed.id)).userAuth?.status).toBe("good");
  });
});

describe("personas and the operator API", () => {
  it("offers 花子 and synthetic residents that the counter accepts", async () => {
    const { personas } = await json<{ personas: Persona[] }>(sandbox.browser.get("/api/personas"));
    expect(personas[0]).toMatchObject({ id: "hanako", name: HANAKO.name });
    const { persona } = await json<{ persona: Persona }>(sandbox.browser.get("/api/personas/random"));
    const response = await sandbox.browser.post("/api/counter/cards", { persona: { ...persona, dateOfBirth: "1980-05-05" }, userAuthPin: "1357", signingPin: "SYNTH0001" });
    expect(response.status).toBe(201);
  });

  it("issues a card for the CLI with the operator credential and refuses without it", async () => {
    const response = await sandbox.call("/api/v1/counter/citizens", { json: { persona: HANAKO, signingPin: "CLI2026PIN" }, auth: operatorAuth });
    expect(response.status).toBe(201);
    const body = await json<{ cardId: string; sSerial: string; rSerial: string; sCertificate: string }>(response);
    expect(body.sCertificate).toContain("BEGIN CERTIFICATE");
    expect((await sandbox.call("/api/v1/counter/citizens", { json: { persona: HANAKO } })).status).toBe(401);
  });

  it("answers unknown cards and routes with problem+json", async () => {
    const missing = await sandbox.browser.get("/api/cards/nope");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await json<{ code: string }>(missing)).code).toBe("CARD_NOT_FOUND");
    expect((await sandbox.browser.get("/api/nothing-here")).status).toBe(404);
    const openapi = await json<{ paths: Record<string, unknown> }>(sandbox.browser.get("/openapi.json"));
    expect(Object.keys(openapi.paths)).toContain("/api/v1/signing-results");
  });
});
