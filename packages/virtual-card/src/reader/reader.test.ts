/**
 * The reader over the virtual card: certificates read as OpenSC reads them, PIN checks before sending, status
 * words as CardError codes, and signatures that jpki-core verifies (CMS with the S key, a challenge with R).
 */
import { X509Certificate } from "node:crypto";
import { parseX509, sha256DigestInfoOf, signCms, verifyCms } from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatHex } from "../bytes.js";
import { CardIssuer } from "../card/issuer.js";
import { VirtualCard } from "../card/virtual-card.js";
import { isCardError, type CardErrorCode } from "../errors.js";
import { personalisedCard, R_PIN, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";
import { JpkiCardReader, type ApduTransport } from "./reader.js";

let fixture: PersonalisedCardFixture;
beforeAll(async () => {
  fixture = await personalisedCard();
});

async function failure(promise: Promise<unknown>): Promise<{ code?: CardErrorCode; triesLeft?: number; sw?: number }> {
  try {
    await promise;
    return {};
  } catch (error) {
    if (!isCardError(error)) throw error;
    const out: { code?: CardErrorCode; triesLeft?: number; sw?: number } = { code: error.code };
    if (error.triesLeft !== undefined) out.triesLeft = error.triesLeft;
    if (error.sw !== undefined) out.sw = error.sw;
    return out;
  }
}

/** A transport that records the commands, for asserting what went to the card. */
function recording(card: VirtualCard): ApduTransport & { commands: string[] } {
  const commands: string[] = [];
  return { commands, transmit: (command) => (commands.push(formatHex(command)), card.transmit(command)) };
}

describe("reading", () => {
  it("reads the public certificates in 4 bytes then 256-byte chunks, like OpenSC", async () => {
    const transport = recording(fixture.fresh());
    const reader = new JpkiCardReader(transport);
    const certificate = await reader.readUserAuthCertificate();
    expect(formatHex(certificate)).toBe(formatHex(fixture.certificates.userAuth.certificate));
    expect(transport.commands.slice(0, 4)).toEqual([
      "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
      "00 A4 02 0C 02 00 0A",
      "00 B0 00 00 04",
      "00 B0 00 00 00",
    ]);
    expect(formatHex(await reader.readUserAuthCaCertificate())).toBe(formatHex(fixture.certificates.userAuth.caCertificate));
    expect(formatHex(await reader.readSigningCaCertificate())).toBe(formatHex(fixture.certificates.signing.caCertificate));
  });

  it("reads in smaller chunks when told to", async () => {
    const reader = new JpkiCardReader(fixture.fresh(), { maxReadLength: 100 });
    expect(formatHex(await reader.readUserAuthCertificate())).toBe(formatHex(fixture.certificates.userAuth.certificate));
  });

  it("reads the S certificate with the S PIN", async () => {
    const reader = new JpkiCardReader(fixture.fresh());
    const certificate = await reader.readSigningCertificate(S_PIN);
    expect(formatHex(certificate)).toBe(formatHex(fixture.certificates.signing.certificate));
    expect(new X509Certificate(Buffer.from(certificate)).issuer).toContain("JPKI-SANDBOX");
  });

  it("selects the AP again when the card was reset under it", async () => {
    const card = fixture.fresh();
    const reader = new JpkiCardReader(card);
    await reader.readUserAuthCaCertificate();
    card.reset();
    expect(formatHex(await reader.readUserAuthCertificate())).toBe(formatHex(fixture.certificates.userAuth.certificate));
    await reader.verifySigningPin(S_PIN);
    card.reset();
    expect(await failure(reader.signWithSigningKey(new Uint8Array(51), S_PIN))).toEqual({});
  });

  it("reads the token info", async () => {
    expect(await new JpkiCardReader(fixture.fresh()).readTokenInfo()).toBe("JPKIAPICCTOKEN2");
  });

  it("says NOT_PERSONALISED for an empty certificate EF, APPLET_NOT_FOUND for another card", async () => {
    const blank = new JpkiCardReader(VirtualCard.manufacture({ cardId: "blank" }));
    expect(await failure(blank.readUserAuthCertificate())).toEqual({ code: "NOT_PERSONALISED", sw: 0x6a82 });
    // A PIN never set still counts its tries (the empty VERIFY, as OpenSC needs); verifying it is refused.
    expect(await blank.userAuthPinTriesLeft()).toBe(3);
    expect(await failure(blank.verifyUserAuthPin("1234"))).toEqual({ code: "NOT_PERSONALISED", sw: 0x6984 });
    const otherCard: ApduTransport = { transmit: async () => Uint8Array.of(0x6a, 0x82) };
    expect(await failure(new JpkiCardReader(otherCard).readUserAuthCertificate())).toEqual({ code: "APPLET_NOT_FOUND", sw: 0x6a82 });
    const mute: ApduTransport = { transmit: async () => new Uint8Array(0) };
    expect(await failure(new JpkiCardReader(mute).selectApplet())).toEqual({ code: "RESPONSE_MALFORMED" });
  });
});

describe("PINs", () => {
  it("reports tries left, and PIN_INCORRECT with triesLeft, then PIN_BLOCKED", async () => {
    const reader = new JpkiCardReader(fixture.fresh());
    expect(await reader.userAuthPinTriesLeft()).toBe(3);
    expect(await reader.signingPinTriesLeft()).toBe(5);
    expect(await failure(reader.verifyUserAuthPin("0000"))).toEqual({ code: "PIN_INCORRECT", triesLeft: 2, sw: 0x63c2 });
    expect(await failure(reader.verifyUserAuthPin("0000"))).toEqual({ code: "PIN_INCORRECT", triesLeft: 1, sw: 0x63c1 });
    expect(await failure(reader.verifyUserAuthPin("0000"))).toEqual({ code: "PIN_BLOCKED", sw: 0x6983 });
    expect(await failure(reader.verifyUserAuthPin(R_PIN))).toEqual({ code: "PIN_BLOCKED", sw: 0x6983 });
    expect(await reader.userAuthPinTriesLeft()).toBe(0);
    expect(await reader.signingPinTriesLeft()).toBe(5);
  });

  it("checks the PIN format before sending: PIN_FORMAT costs no try and sends nothing", async () => {
    const transport = recording(fixture.fresh());
    const reader = new JpkiCardReader(transport);
    for (const pin of ["123", "abcd", "12345"]) expect(await failure(reader.verifyUserAuthPin(pin))).toEqual({ code: "PIN_FORMAT" });
    for (const pin of ["sandbox1", "ABC", "ABCDEFGHIJKLMNOPQ"]) expect(await failure(reader.verifySigningPin(pin))).toEqual({ code: "PIN_FORMAT" });
    expect(await failure(reader.signWithSigningKey(new Uint8Array(51), "short"))).toEqual({ code: "PIN_FORMAT" });
    expect(() => reader.signingSigner("lower1")).toThrow(expect.objectContaining({ code: "PIN_FORMAT" }));
    expect(transport.commands).toEqual([]);
    expect(await reader.userAuthPinTriesLeft()).toBe(3);
    expect(await reader.signingPinTriesLeft()).toBe(5);
  });

  it("verifies after the counter resets a blocked PIN", async () => {
    const card = fixture.fresh();
    const reader = new JpkiCardReader(card);
    for (let i = 0; i < 5; i++) await failure(reader.verifySigningPin("WRONG1"));
    expect(await reader.signingPinTriesLeft()).toBe(0);
    await new CardIssuer(card).resetPin("signing", "RESET2026");
    await reader.verifySigningPin("RESET2026");
    expect(await reader.signingPinTriesLeft()).toBe(5);
  });
});

describe("signing", () => {
  it("signs a CMS with the S key that jpki-core verifies", async () => {
    const reader = new JpkiCardReader(fixture.fresh());
    const certificate = parseX509(await reader.readSigningCertificate(S_PIN));
    const content = new TextEncoder().encode("口座開設申込書 (TEST ONLY)");
    const cms = await signCms({ content, signerCertificate: certificate, signer: reader.signingSigner(S_PIN) });
    const verified = await verifyCms(cms);
    expect(new TextDecoder().decode(verified.content)).toBe("口座開設申込書 (TEST ONLY)");
    expect(formatHex(new Uint8Array(verified.signerCertificate.rawData))).toBe(formatHex(fixture.certificates.signing.certificate));
  });

  it("signs with the R key (challenge–response) and the R certificate's key verifies", async () => {
    const reader = new JpkiCardReader(fixture.fresh());
    const challenge = new TextEncoder().encode("nonce-0123456789");
    const signature = await reader.userAuthSigner(R_PIN)(await sha256DigestInfoOf(challenge));
    const certificate = parseX509(await reader.readUserAuthCertificate());
    const key = await crypto.subtle.importKey("spki", certificate.publicKey.rawData, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, new Uint8Array(signature), challenge)).toBe(true);
  });

  it("maps a wrong PIN, a cleared slot and an oversized DigestInfo to codes", async () => {
    const card = fixture.fresh();
    const reader = new JpkiCardReader(card);
    const digestInfo = await sha256DigestInfoOf(new Uint8Array([1]));
    expect(await failure(reader.signWithSigningKey(digestInfo, "WRONG1"))).toEqual({ code: "PIN_INCORRECT", triesLeft: 4, sw: 0x63c4 });
    expect(await failure(reader.signWithUserAuthKey(new Uint8Array(246), R_PIN))).toEqual({ code: "WRONG_LENGTH", sw: 0x6700 });
    expect(await failure(reader.signWithUserAuthKey(new Uint8Array(256), R_PIN))).toEqual({ code: "WRONG_LENGTH" });
    await new CardIssuer(card).clearSlot("signing");
    expect(await failure(reader.signWithSigningKey(digestInfo, S_PIN))).toEqual({ code: "NOT_PERSONALISED", sw: 0x6a88 });
  });

  it("reads the S certificate, then signs in the same session", async () => {
    const reader = new JpkiCardReader(fixture.fresh());
    await reader.readSigningCertificate(S_PIN);
    const signature = await reader.signWithSigningKey(await sha256DigestInfoOf(new Uint8Array([2])), S_PIN);
    expect(signature).toHaveLength(256);
    expect(await reader.signingPinTriesLeft()).toBe(5);
  });
});
