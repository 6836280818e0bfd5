/**
 * The APDU session API against a real in-process portal and jlis: 花子's wallet card in a "reader". Security
 * state lives in the session; retry counters and the masked APDU log reach the wallet after every command; a
 * card changed elsewhere ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardView } from "../../shared/api-types.js";
import { HANAKO_PINS, operatorAuth, startTestSandbox, type TestSandbox } from "../../test-support/test-sandbox.js";

let sandbox: TestSandbox;
let card: CardView;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  card = await sandbox.issueHanako();
});
afterAll(() => sandbox?.stop());

const ascii = (text: string) => Buffer.from(text, "ascii").toString("hex").toUpperCase();
const SELECT_AP = "00A4040C0AD392F000260100000001";
const selectEf = (fid: string) => `00A4020C02${fid}`;
const verify = (pin: string) => `00200080${(pin.length).toString(16).padStart(2, "0")}${ascii(pin)}`;
/** SHA-256 DigestInfo prefix + 32 bytes. */
const DIGEST_INFO = `3031300D060960864801650304020105000420${"AB".repeat(32)}`;
const COMPUTE = `802A0080${(DIGEST_INFO.length / 2).toString(16).toUpperCase()}${DIGEST_INFO}00`;

async function open(cardId = card.id) {
  const response = await sandbox.call(`/api/v1/cards/${cardId}/apdu-sessions`, { method: "POST", auth: operatorAuth });
  return { status: response.status, body: (await response.json()) as { sessionId: string; atr: string; cardId: string; idleTimeoutSeconds: number; code?: string } };
}

async function transmit(sessionId: string, apdu: string) {
  const response = await sandbox.call(`/api/v1/cards/${card.id}/apdu-sessions/${sessionId}/transmit`, { json: { apdu }, auth: operatorAuth });
  const body = (await response.json()) as { response?: string; code?: string };
  return { status: response.status, body };
}

const sw = async (sessionId: string, apdu: string) => {
  const { status, body } = await transmit(sessionId, apdu);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.response!.slice(-4);
};

describe("APDU sessions (operator)", () => {
  it("needs the operator credential, and a known card", async () => {
    const anonymous = await sandbox.call(`/api/v1/cards/${card.id}/apdu-sessions`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
    const unknown = await open("no-such-card");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("CARD_NOT_FOUND");
  });

  it("powers the card up with its ATR; a wrong PIN costs a try that the wallet shows, with the PIN masked in the log", async () => {
    const { status, body } = await open();
    expect(status).toBe(201);
    expect(body.atr).toBe("3BE000FF8131FE4514");
    expect(body.idleTimeoutSeconds).toBeGreaterThan(0);
    expect(await sw(body.sessionId, SELECT_AP)).toBe("9000");
    expect(await sw(body.sessionId, selectEf("0018"))).toBe("9000");
    expect(await sw(body.sessionId, "00200080")).toBe("63C3");
    expect(await sw(body.sessionId, verify("0000"))).toBe("63C2");

    const wallet = (await (await sandbox.browser.get(`/api/cards/${card.id}`)).json()) as { card: CardView };
    expect(wallet.card.pins.userAuth).toEqual({ triesLeft: 2, maxTries: 3, blocked: false });
    const log = (await (await sandbox.browser.get(`/api/cards/${card.id}/apdu-log`)).json()) as { entries: { command: string; status: string }[] };
    expect(log.entries[0]).toMatchObject({ command: "00 20 00 80 04 ** ** ** **" });
    expect(log.entries[0]!.status).toMatch(/^63 C2/);
    expect(JSON.stringify(log)).not.toContain("30 30 30 30");
    // The right PIN restores the counter.
    expect(await sw(body.sessionId, verify(HANAKO_PINS.userAuthPin))).toBe("9000");
    const again = (await (await sandbox.browser.get(`/api/cards/${card.id}`)).json()) as { card: CardView };
    expect(again.card.pins.userAuth.triesLeft).toBe(3);
  });

  it("keeps the verified PIN for the session only, like a card's RAM: a new session must verify again", async () => {
    const first = (await open()).body.sessionId;
    for (const apdu of [SELECT_AP, selectEf("0018"), verify(HANAKO_PINS.userAuthPin), selectEf("0017")]) expect(await sw(first, apdu)).toBe("9000");
    const signed = await transmit(first, COMPUTE);
    expect(signed.body.response).toHaveLength(2 * 258);
    expect(signed.body.response!.slice(-4)).toBe("9000");

    const second = (await open()).body.sessionId;
    for (const apdu of [SELECT_AP, selectEf("0017")]) expect(await sw(second, apdu)).toBe("9000");
    expect(await sw(second, COMPUTE)).toBe("6982");
    // The first session ended when the second took the card.
    expect(await transmit(first, SELECT_AP)).toMatchObject({ status: 409, body: { code: "APDU_SESSION_ENDED" } });
  });

  it("ends the session when the card changes elsewhere (a PIN reset at the counter): the command is not answered", async () => {
    const sessionId = (await open()).body.sessionId;
    expect(await sw(sessionId, SELECT_AP)).toBe("9000");
    const reset = await sandbox.browser.post(`/api/counter/cards/${card.id}/pin-reset`, { pin: "userAuth", newPin: HANAKO_PINS.userAuthPin });
    expect(reset.status).toBe(200);
    expect(await transmit(sessionId, selectEf("0018"))).toMatchObject({ status: 409, body: { code: "APDU_SESSION_ENDED" } });
    const next = (await open()).body.sessionId;
    expect(await sw(next, SELECT_AP)).toBe("9000");
  });

  it("closes a session (power off), and refuses what is not hex", async () => {
    const sessionId = (await open()).body.sessionId;
    expect((await transmit(sessionId, "zz")).body.code).toBe("VALIDATION_FAILED");
    expect(await sw(sessionId, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("9000");
    const closed = await sandbox.call(`/api/v1/cards/${card.id}/apdu-sessions/${sessionId}`, { method: "DELETE", auth: operatorAuth });
    expect(closed.status).toBe(204);
    expect(await transmit(sessionId, SELECT_AP)).toMatchObject({ status: 404, body: { code: "APDU_SESSION_NOT_FOUND" } });
    expect(await transmit("never-opened", SELECT_AP)).toMatchObject({ status: 404, body: { code: "APDU_SESSION_NOT_FOUND" } });
  });
});
