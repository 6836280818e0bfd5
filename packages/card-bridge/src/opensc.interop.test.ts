/**
 * The real middleware against a sandbox card: pcscd with vsmartcard's vpcd, OpenSC's jpki driver (opensc-tool,
 * pkcs15-tool), OpenSC's PKCS#11 module through pkcs11-tool, and openssl verifying what the card signed. The
 * card is a local VirtualCard personalised for 花子 with fresh sandbox CAs. Skipped, with the reason in its
 * name, where the middleware is not installed (apt-get install -y pcscd vsmartcard-vpcd opensc).
 */
import { randomBytes } from "node:crypto";
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { CardIssuer } from "@jpki-sandbox/virtual-card";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localCard } from "./cards/bridged-card.js";
import { createEphemeralCard, type EphemeralCard } from "./cards/ephemeral-card.js";
import { openSslVerify, pkcs11, type Pkcs11Session } from "./testing/opensc.js";
import { pcscAvailability, runTool, startPcscd, waitForCard, waitForNoCard, type PcscTools, type RunningPcscd } from "./testing/pcsc.js";
import { VpcdBridge } from "./vpcd/bridge.js";

const pcsc = pcscAvailability();
const R_PIN = "1234";
const S_PIN = "SANDBOX1";

describe.skipIf(!pcsc.available)(`OpenSC and PKCS#11 through vpcd${pcsc.available ? "" : ` — skipped: ${pcsc.reason}`}`, () => {
  const tools = (pcsc as { tools: PcscTools }).tools;
  let pcscd: RunningPcscd;
  let hanako: EphemeralCard;
  let bridge: VpcdBridge;
  let p11: Pkcs11Session;

  async function insert(card: EphemeralCard): Promise<void> {
    if (bridge) {
      await bridge.stop();
      // Otherwise the reader may still report the previous card, and the middleware reads a card in transit.
      await waitForNoCard(tools);
    }
    bridge = new VpcdBridge({ card: localCard(card.card), port: pcscd.vpcdPort }).start();
    await bridge.connected();
    await waitForCard(tools);
  }

  beforeAll(async () => {
    [hanako, pcscd] = await Promise.all([createEphemeralCard({ persona: HANAKO, userAuthPin: R_PIN, signingPin: S_PIN }), startPcscd(tools)]);
    p11 = pkcs11(tools);
    await insert(hanako);
  });
  afterAll(async () => {
    await bridge?.stop();
    await pcscd?.stop();
    p11?.dispose();
  });

  it("opensc-tool -n names the card jpki (OpenSC's JPKI driver recognised the ATR and the AP)", async () => {
    const { code, stdout } = await runTool(tools.openscTool, ["-n"]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").at(-1)).toBe("jpki");
  });

  it("pkcs15-tool -D lists both PINs with their tries, both keys and the four certificates", async () => {
    const { code, stdout } = await runTool(tools.pkcs15Tool, ["-D"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/PIN \[User Authentication PIN\][\s\S]*?Tries left\s*: 3/);
    expect(stdout).toMatch(/PIN \[Digital Signature PIN\][\s\S]*?Tries left\s*: 5/);
    for (const object of ["Private RSA Key [User Authentication Key]", "Private RSA Key [Digital Signature Key]", "X.509 Certificate [User Authentication Certificate]", "X.509 Certificate [Digital Signature Certificate]", "X.509 Certificate [User Authentication Certificate CA]", "X.509 Certificate [Digital Signature Certificate CA]"]) {
      expect(stdout).toContain(object);
    }
    expect(stdout).toMatch(/ModLength\s*: 2048/);
  });

  it("pkcs11-tool -L shows the two JPKI tokens", async () => {
    const { code, stdout } = await p11.listSlots();
    expect(code).toBe(0);
    expect(stdout).toContain("token label        : JPKI (User Authentication PIN)");
    expect(stdout).toContain("token label        : JPKI (Digital Signature PIN)");
    expect(stdout).toMatch(/pin min\/max\s*: 4\/4/);
    expect(stdout).toMatch(/pin min\/max\s*: 6\/16/);
  });

  it("signs SHA256-RSA-PKCS under the R PIN and under the S PIN; openssl verifies each with the card's certificate", async () => {
    const data = new Uint8Array(randomBytes(100));
    for (const [token, pin, written] of [["userAuth", R_PIN, hanako.certificates.userAuth], ["signing", S_PIN, hanako.certificates.signing!]] as const) {
      const signed = await p11.sign(token, pin, data);
      expect(signed.stderr).not.toMatch(/error/i);
      expect(signed.signature?.length).toBe(256);
      // The S certificate (EF 0001) is readable only after the S PIN.
      const certificate = await p11.readCertificate(token, token === "signing" ? pin : undefined);
      expect(Buffer.from(certificate).equals(Buffer.from(written))).toBe(true);
      const verified = await openSslVerify(tools, { certificate, data, signature: signed.signature! });
      expect(verified.stdout.trim()).toBe("Verified OK");
    }
  });

  it("a wrong PIN gives CKR_PIN_INCORRECT and costs a try on the card; the right one restores the counter", async () => {
    const wrong = await p11.sign("userAuth", "9999", new Uint8Array(8));
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr + wrong.stdout).toContain("CKR_PIN_INCORRECT");
    expect(new CardIssuer(hanako.card).status().userAuth.pinTriesLeft).toBe(2);
    const listed = await runTool(tools.pkcs15Tool, ["-D"]);
    expect(listed.stdout).toMatch(/PIN \[User Authentication PIN\][\s\S]*?Tries left\s*: 2/);
    // Neither PIN ever reaches the card's log in clear.
    const verifies = hanako.card.trace().filter((entry) => entry.command.startsWith("00 20 00 80 04"));
    expect(verifies.length).toBeGreaterThan(0);
    for (const entry of verifies) expect(entry.command).toBe("00 20 00 80 04 ** ** ** **");
    expect((await p11.sign("userAuth", R_PIN, new Uint8Array(8))).code).toBe(0);
    expect(new CardIssuer(hanako.card).status().userAuth.pinTriesLeft).toBe(3);
  });

  it("an under-15 card without S still binds: both tokens listed, the R key signs", async () => {
    const child = await createEphemeralCard({ persona: { ...HANAKO, id: "under15" }, userAuthPin: R_PIN });
    await insert(child);
    const listed = await p11.listSlots();
    expect(listed.stdout).toContain("JPKI (User Authentication PIN)");
    const data = new Uint8Array(randomBytes(32));
    const signed = await p11.sign("userAuth", R_PIN, data);
    expect(signed.code).toBe(0);
    const certificate = await p11.readCertificate("userAuth");
    expect((await openSslVerify(tools, { certificate, data, signature: signed.signature! })).stdout.trim()).toBe("Verified OK");
  });
});
