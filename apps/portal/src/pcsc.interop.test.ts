/**
 * Issue 8's "done when": 花子's wallet card, held by a real in-process portal, put into vsmartcard's virtual
 * reader by the CLI (`jpki-sandbox card attach --card ID`), used by OpenSC's PKCS#11 module through pcscd:
 * pkcs11-tool signs under each PIN, openssl verifies against the certificates the wallet shows, and a wrong PIN
 * gives CKR_PIN_INCORRECT and lowers the counter the wallet shows, with the PIN masked in its APDU log.
 * Skipped, with the reason in its name, where pcscd/vpcd/OpenSC are not installed.
 */
import { randomBytes } from "node:crypto";
import { openSslVerify, pcscAvailability, pkcs11, startPcscd, waitForCard, type Pkcs11Session, type PcscTools, type RunningPcscd } from "@jpki-sandbox/card-bridge/testing";
import { main } from "@jpki-sandbox/cli";
import { parseCertificate } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardView } from "./shared/api-types.js";
import { HANAKO_PINS, startTestSandbox, TEST_ADMIN_PASSWORD, type TestSandbox } from "./test-support/test-sandbox.js";

const pcsc = pcscAvailability();

describe.skipIf(!pcsc.available)(`the portal's card through vpcd and OpenSC${pcsc.available ? "" : ` — skipped: ${pcsc.reason}`}`, () => {
  const tools = (pcsc as { tools: PcscTools }).tools;
  let sandbox: TestSandbox;
  let card: CardView;
  let pcscd: RunningPcscd;
  let p11: Pkcs11Session;
  const stop = new AbortController();
  let attached: Promise<{ code: number; err: string[] }> | undefined;

  const wallet = async () => ((await (await sandbox.browser.get(`/api/cards/${card.id}`)).json()) as { card: CardView }).card;
  const derOf = (pem: string) => new Uint8Array(parseCertificate(pem).certificate.rawData);

  beforeAll(async () => {
    [sandbox, pcscd] = await Promise.all([startTestSandbox(), startPcscd(tools)]);
    card = await sandbox.issueHanako();
    p11 = pkcs11(tools);
    let inserted!: () => void;
    const insertedLine = new Promise<void>((resolve) => (inserted = resolve));
    const err: string[] = [];
    attached = main(
      ["card", "attach", "--card", card.id, "--portal", sandbox.url, "--portal-password", TEST_ADMIN_PASSWORD, "--vpcd", `127.0.0.1:${pcscd.vpcdPort}`, "--log-level", "silent"],
      { out: (line) => line.startsWith("card inserted") && inserted(), err: (line) => err.push(line), signal: stop.signal },
      {},
    ).then((code) => ({ code, err }));
    await Promise.race([insertedLine, attached.then((result) => Promise.reject(new Error(`card attach ended: ${result.err.join(" ")}`)))]);
    await waitForCard(tools);
  });
  afterAll(async () => {
    stop.abort();
    const result = await attached;
    await pcscd?.stop();
    p11?.dispose();
    await sandbox?.stop();
    expect(result?.code).toBe(0);
  });

  it("pkcs11-tool -L shows 花子's two JPKI tokens", async () => {
    const { stdout } = await p11.listSlots();
    expect(stdout).toContain("token label        : JPKI (User Authentication PIN)");
    expect(stdout).toContain("token label        : JPKI (Digital Signature PIN)");
  });

  it("signs SHA256-RSA-PKCS under the S PIN and the R PIN; openssl verifies with the certificates the wallet shows", async () => {
    const data = new TextEncoder().encode(`口座開設申込書 / account application ${randomBytes(8).toString("hex")}`);
    const certificates = { signing: card.certificates.signing!.pem, userAuth: card.certificates.userAuth!.pem };
    for (const [token, pin] of [["signing", HANAKO_PINS.signingPin], ["userAuth", HANAKO_PINS.userAuthPin]] as const) {
      const signed = await p11.sign(token, pin, data);
      expect(signed.code, signed.stderr).toBe(0);
      const fromCard = await p11.readCertificate(token, token === "signing" ? pin : undefined);
      expect(Buffer.from(fromCard).equals(Buffer.from(derOf(certificates[token])))).toBe(true);
      const verified = await openSslVerify(tools, { certificate: derOf(certificates[token]), data, signature: signed.signature! });
      expect(verified.stdout.trim()).toBe("Verified OK");
    }
  });

  it("a wrong S PIN gives CKR_PIN_INCORRECT and lowers the counter the wallet shows; its APDU log masks the PIN", async () => {
    expect((await wallet()).pins.signing).toEqual({ triesLeft: 5, maxTries: 5, blocked: false });
    const wrong = await p11.sign("signing", "WRONGPIN9", new Uint8Array(16));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr + wrong.stdout).toContain("CKR_PIN_INCORRECT");
    expect((await wallet()).pins.signing).toEqual({ triesLeft: 4, maxTries: 5, blocked: false });

    const log = (await (await sandbox.browser.get(`/api/cards/${card.id}/apdu-log`)).json()) as { entries: { command: string; status: string }[] };
    const wrongVerify = log.entries.find((entry) => entry.status.startsWith("63 C4"));
    expect(wrongVerify?.command).toBe(`00 20 00 80 09 ${Array(9).fill("**").join(" ")}`);
    const pinAsLogged = [...Buffer.from("WRONGPIN9")].map((byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    expect(JSON.stringify(log)).not.toContain(pinAsLogged);

    expect((await p11.sign("signing", HANAKO_PINS.signingPin, new Uint8Array(16))).code).toBe(0);
    expect((await wallet()).pins.signing?.triesLeft).toBe(5);
  });
});
