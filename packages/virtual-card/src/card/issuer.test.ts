/** Personalisation at the counter: keys, proof of possession, certificates, PINs, clearing a slot. */
import { X509Certificate } from "node:crypto";
import { sha256DigestInfoOf } from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatHex } from "../bytes.js";
import { isCardError } from "../errors.js";
import { SELECT_AP, selectEf, send, statusWords } from "../test-support/apdu.js";
import { certifySlot, personalisedCard, sandboxAuthorities, type PersonalisedCardFixture } from "../test-support/fixtures.js";
import { CardIssuer } from "./issuer.js";
import { VirtualCard } from "./virtual-card.js";

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isCardError(error) ? error.code : `not a CardError: ${String(error)}`;
  }
}

let fixture: PersonalisedCardFixture;
beforeAll(async () => {
  fixture = await personalisedCard();
});

describe("a blank card", () => {
  it("has no keys, certificates or PINs", async () => {
    const card = VirtualCard.manufacture({ cardId: "blank-1" });
    const issuer = new CardIssuer(card);
    expect(issuer.status()).toEqual({
      cardId: "blank-1",
      userAuth: { hasKey: false, hasCertificate: false, pinSet: false, pinMaxTries: 3 },
      signing: { hasKey: false, hasCertificate: false, pinSet: false, pinMaxTries: 5 },
    });
    expect(() => issuer.publicKeyOf("userAuth")).toThrow(expect.objectContaining({ code: "NOT_PERSONALISED" }));
    // Certificate EFs exist in the AP but hold nothing yet: READ BINARY answers 6A 82.
    expect(await statusWords(card, SELECT_AP, selectEf("00 0A"), "00 B0 00 00 04")).toEqual(["90 00", "90 00", "6A 82"]);
  });

  it("refuses a bad cardId", () => {
    expect(() => VirtualCard.manufacture({ cardId: "" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("generateKeyPair", () => {
  it("makes an RSA-2048 key with e = 65537 and returns its SubjectPublicKeyInfo", async () => {
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "k-1" }));
    const spki = await issuer.generateKeyPair("userAuth");
    const { createPublicKey } = await import("node:crypto");
    const key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expect(formatHex(issuer.publicKeyOf("userAuth"))).toBe(formatHex(spki));
    expect(issuer.status().userAuth.hasKey).toBe(true);
  });

  it("replacing a key clears the slot's certificates", async () => {
    const card = fixture.fresh();
    const issuer = new CardIssuer(card);
    const before = issuer.publicKeyOf("signing");
    const after = await issuer.generateKeyPair("signing");
    expect(formatHex(after)).not.toBe(formatHex(before));
    expect(issuer.status().signing).toMatchObject({ hasKey: true, hasCertificate: false, pinSet: true });
    expect(await statusWords(card, SELECT_AP, selectEf("00 02"), "00 B0 00 00 04")).toEqual(["90 00", "90 00", "6A 82"]);
  });

  it("refuses an unknown slot", async () => {
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "k-2" }));
    expect(await codeOf(issuer.generateKeyPair("mySlot" as "signing"))).toBe("INVALID_ARGUMENT");
  });
});

describe("proof of possession (signCertificationRequest)", () => {
  it("is refused before a key and after the certificate is written", async () => {
    const digestInfo = await sha256DigestInfoOf(new Uint8Array([1, 2, 3]));
    const blank = new CardIssuer(VirtualCard.manufacture({ cardId: "pop-1" }));
    expect(await codeOf(blank.signCertificationRequest("signing", digestInfo))).toBe("NOT_PERSONALISED");
    const issued = new CardIssuer(fixture.fresh());
    expect(await codeOf(issued.signCertificationRequest("signing", digestInfo))).toBe("CERTIFICATE_ALREADY_WRITTEN");
    expect(await codeOf(issued.signCertificationRequest("userAuth", digestInfo))).toBe("CERTIFICATE_ALREADY_WRITTEN");
  });

  it("is allowed again after a new key (renewal)", async () => {
    const issuer = new CardIssuer(fixture.fresh());
    await issuer.generateKeyPair("userAuth");
    const signature = await issuer.signCertificationRequest("userAuth", await sha256DigestInfoOf(new Uint8Array([1])));
    expect(signature.length).toBe(256);
  });
});

describe("writeCertificates", () => {
  it("writes a certificate of the slot's key, and refuses one for another key", async () => {
    const { R } = await sandboxAuthorities();
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "w-1" }));
    await issuer.generateKeyPair("userAuth");
    // 花子's card's R certificate certifies another key.
    const other = fixture.certificates.userAuth;
    expect(await codeOf(issuer.writeCertificates("userAuth", other))).toBe("CERTIFICATE_KEY_MISMATCH");
    const written = await certifySlot(issuer, "userAuth", R);
    expect(issuer.status().userAuth.hasCertificate).toBe(true);
    expect(new X509Certificate(Buffer.from(written.certificate)).checkIssued(new X509Certificate(Buffer.from(written.caCertificate)))).toBe(true);
  });

  it("refuses a CA certificate that did not issue the certificate", async () => {
    const issuer = new CardIssuer(fixture.fresh());
    const { certificate } = fixture.certificates.userAuth;
    const wrongCa = fixture.certificates.signing.caCertificate;
    expect(await codeOf(issuer.writeCertificates("userAuth", { certificate, caCertificate: wrongCa }))).toBe("CA_CERTIFICATE_MISMATCH");
  });

  it("refuses what is not DER 30 82 LL LL, and a slot without a key", async () => {
    const issuer = new CardIssuer(fixture.fresh());
    const { certificate, caCertificate } = fixture.certificates.userAuth;
    const truncated = certificate.subarray(0, certificate.length - 1);
    expect(await codeOf(issuer.writeCertificates("userAuth", { certificate: truncated, caCertificate }))).toBe("CERTIFICATE_MALFORMED");
    const garbage = Uint8Array.of(0x30, 0x82, 0x00, 0x02, 0x05, 0x00);
    expect(await codeOf(issuer.writeCertificates("userAuth", { certificate: garbage, caCertificate }))).toBe("CERTIFICATE_MALFORMED");
    const blank = new CardIssuer(VirtualCard.manufacture({ cardId: "w-2" }));
    expect(await codeOf(blank.writeCertificates("userAuth", { certificate, caCertificate }))).toBe("NOT_PERSONALISED");
  });
});

describe("PINs at the counter", () => {
  it("setPin enforces the rules with PIN_FORMAT", async () => {
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "p-1" }));
    for (const pin of ["123", "12345", "12a4", "١٢٣٤", ""]) expect(await codeOf(issuer.setPin("userAuth", pin))).toBe("PIN_FORMAT");
    for (const pin of ["ABC12", "abcdef", "ABCDEFGHIJKLMNOPQ", "ABC-123"]) expect(await codeOf(issuer.setPin("signing", pin))).toBe("PIN_FORMAT");
    await issuer.setPin("userAuth", "0000");
    await issuer.setPin("signing", "ABCDEFGHIJKLMNOP");
    await issuer.setPin("signing", "123456");
    expect(issuer.status()).toMatchObject({ userAuth: { pinSet: true, pinTriesLeft: 3 }, signing: { pinSet: true, pinTriesLeft: 5 } });
  });

  it("the error message states the rule, not the PIN", async () => {
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "p-2" }));
    await expect(issuer.setPin("signing", "secret")).rejects.toThrow(/6–16 characters/);
    await expect(issuer.setPin("signing", "secret")).rejects.not.toThrow(/secret/);
  });

  it("resetPin needs a PIN that was set", async () => {
    const issuer = new CardIssuer(VirtualCard.manufacture({ cardId: "p-3" }));
    expect(await codeOf(issuer.resetPin("userAuth", "1234"))).toBe("NOT_PERSONALISED");
  });
});

describe("clearSlot", () => {
  it("removes the key and certificates but keeps the PIN, so the empty VERIFY still answers 63 Cx", async () => {
    const card = fixture.fresh();
    const issuer = new CardIssuer(card);
    await issuer.clearSlot("signing");
    expect(issuer.status().signing).toEqual({ hasKey: false, hasCertificate: false, pinSet: true, pinTriesLeft: 5, pinMaxTries: 5 });
    expect(await statusWords(card, SELECT_AP, selectEf("00 02"), "00 B0 00 00 04", selectEf("00 1B"), "00 20 00 80")).toEqual([
      "90 00",
      "90 00",
      "6A 82",
      "90 00",
      "63 C5",
    ]);
    expect(await send(card, selectEf("00 0B"))).toBe("90 00");
    expect((await send(card, "00 B0 00 00 04")).slice(-5)).toBe("90 00"); // R untouched
  });
});
