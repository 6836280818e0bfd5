/**
 * What the portal logs while a citizen sets PINs, gets one wrong and signs: every request, at the most
 * verbose level — and never a PIN, a credential or a cookie.
 */
import { Writable } from "node:stream";
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankAuth, startTestSandbox, TEST_BANK, type TestSandbox } from "../test-support/test-sandbox.js";

const PINS = { userAuthPin: "8642", signingPin: "LOGTEST2468" };
const WRONG_PIN = "QWERTY7777";
const lines: string[] = [];
let sandbox: TestSandbox;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  sandbox = await startTestSandbox({ logger: pino({ level: "trace" }, sink) });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe("the portal's log", () => {
  it("records the requests but no PIN, secret, cookie or CSRF token", async () => {
    const issued = await sandbox.browser.post("/api/counter/cards", { persona: HANAKO, ...PINS });
    expect(issued.status).toBe(201);
    const { card } = (await issued.json()) as { card: { id: string } };
    const request = await sandbox.createRequest({
      kind: "sign",
      document: Buffer.from("application").toString("base64"),
      displayText: "open an account",
      returnUrl: `${TEST_BANK.origin}/cb`,
      state: "logging-state",
    });
    expect((await sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId: card.id, pin: WRONG_PIN })).status).toBe(403);
    expect((await sandbox.browser.post(`/api/approvals/${request.id}/approve`, { cardId: card.id, pin: PINS.signingPin })).status).toBe(200);

    const log = lines.join("");
    expect(log).toContain(`/api/approvals/${request.id}/approve`);
    expect(log).toContain("[Redacted]");
    for (const secret of [PINS.userAuthPin, PINS.signingPin, WRONG_PIN, bankAuth.slice("Basic ".length), TEST_BANK.secret]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/portal_session=|portal_csrf=/);
  });
});
