/**
 * COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 over the DigestInfo as given, checked with node:crypto, WebCrypto
 * against the certificate's key, and with openssl (an implementation independent of ours).
 */
import { spawnSync } from "node:child_process";
import { constants, publicDecrypt, X509Certificate } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256DigestInfoOf } from "@jpki-sandbox/jpki-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatHex, parseHex, type Bytes } from "../bytes.js";
import { CardIssuer } from "../card/issuer.js";
import type { VirtualCard } from "../card/virtual-card.js";
import { SELECT_AP, selectEf, send, statusWords, verifyPin } from "../test-support/apdu.js";
import { personalisedCard, R_PIN, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";

const DOCUMENT = new TextEncoder().encode("申込書 — account opening, TEST ONLY");

let fixture: PersonalisedCardFixture;
let card: VirtualCard;
let digestInfo: Uint8Array;

function computeSignature(data: Uint8Array, le = true): string {
  return formatHex(Uint8Array.of(0x80, 0x2a, 0x00, 0x80, data.length, ...data, ...(le ? [0x00] : [])));
}

async function signature(command: string): Promise<Bytes> {
  const response = await card.transmit(parseHex(command));
  expect(formatHex(response.subarray(-2))).toBe("90 00");
  expect(response.length).toBe(258);
  return response.subarray(0, 256);
}

beforeAll(async () => {
  fixture = await personalisedCard();
  digestInfo = await sha256DigestInfoOf(DOCUMENT);
});
beforeEach(async () => {
  card = fixture.fresh();
  await send(card, SELECT_AP);
});

describe("COMPUTE DIGITAL SIGNATURE", () => {
  it("signs with the S key after the S PIN; node:crypto and WebCrypto verify with the certificate's key", async () => {
    await statusWords(card, selectEf("00 1B"), verifyPin(S_PIN), selectEf("00 1A"));
    const sig = await signature(computeSignature(digestInfo));

    const certificate = new X509Certificate(Buffer.from(fixture.certificates.signing.certificate));
    const recovered = publicDecrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    expect(formatHex(recovered)).toBe(formatHex(digestInfo));

    const spki = certificate.publicKey.export({ type: "spki", format: "der" });
    const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, sig, DOCUMENT)).toBe(true);
  });

  it("signs with the R key after the R PIN (case 3, no Le, works too)", async () => {
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN), selectEf("00 17"));
    const sig = await signature(computeSignature(digestInfo, false));
    const certificate = new X509Certificate(Buffer.from(fixture.certificates.userAuth.certificate));
    const recovered = publicDecrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    expect(formatHex(recovered)).toBe(formatHex(digestInfo));
  });

  it("verifies with openssl (dgst and pkeyutl)", async () => {
    await statusWords(card, selectEf("00 1B"), verifyPin(S_PIN), selectEf("00 1A"));
    const sig = await signature(computeSignature(digestInfo));
    const dir = mkdtempSync(join(tmpdir(), "virtual-card-"));
    const certificate = new X509Certificate(Buffer.from(fixture.certificates.signing.certificate));
    const spkiPem = certificate.publicKey.export({ type: "spki", format: "pem" });
    writeFileSync(join(dir, "pub.pem"), spkiPem);
    writeFileSync(join(dir, "sig.bin"), sig);
    writeFileSync(join(dir, "doc.bin"), DOCUMENT);
    writeFileSync(join(dir, "digest.bin"), digestInfo.subarray(-32));

    const dgst = spawnSync("openssl", ["dgst", "-sha256", "-verify", join(dir, "pub.pem"), "-signature", join(dir, "sig.bin"), join(dir, "doc.bin")]);
    expect(dgst.status, dgst.stderr.toString()).toBe(0);
    expect(dgst.stdout.toString()).toContain("Verified OK");

    const pkeyutl = spawnSync("openssl", [
      "pkeyutl", "-verify", "-pubin", "-inkey", join(dir, "pub.pem"),
      "-pkeyopt", "digest:sha256", "-in", join(dir, "digest.bin"), "-sigfile", join(dir, "sig.bin"),
    ]);
    expect(pkeyutl.status, pkeyutl.stderr.toString()).toBe(0);
    expect(pkeyutl.stdout.toString()).toContain("Signature Verified Successfully");
  });

  it("is deterministic (PKCS#1 v1.5)", async () => {
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN), selectEf("00 17"));
    const command = computeSignature(digestInfo);
    expect(formatHex(await signature(command))).toBe(formatHex(await signature(command)));
  });

  it("answers 69 82 until the key's own PIN is verified", async () => {
    await send(card, selectEf("00 1A"));
    expect(await send(card, computeSignature(digestInfo))).toBe("69 82");
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN), selectEf("00 1A"));
    expect(await send(card, computeSignature(digestInfo))).toBe("69 82");
    card.reset();
    await statusWords(card, SELECT_AP, selectEf("00 17"));
    expect(await send(card, computeSignature(digestInfo))).toBe("69 82");
  });

  it("answers 69 86 when the current EF is not a key EF", async () => {
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN));
    expect(await send(card, computeSignature(digestInfo))).toBe("69 86");
    await send(card, selectEf("00 0A"));
    expect(await send(card, computeSignature(digestInfo))).toBe("69 86");
  });

  it("takes at most k − 11 = 245 bytes (67 00 beyond), and needs data", async () => {
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN), selectEf("00 17"));
    expect(formatHex((await card.transmit(parseHex(computeSignature(new Uint8Array(245).fill(7))))).subarray(-2))).toBe("90 00");
    expect(await send(card, computeSignature(new Uint8Array(246).fill(7)))).toBe("67 00");
    expect(await send(card, "80 2A 00 80")).toBe("67 00");
    expect(await send(card, "80 2A 00 80 00")).toBe("67 00");
    expect(await send(card, `${computeSignature(digestInfo, false)} 80`)).toBe("67 00"); // Le other than 00
  });

  it("checks P1-P2", async () => {
    await statusWords(card, selectEf("00 18"), verifyPin(R_PIN), selectEf("00 17"));
    expect(await send(card, "80 2A 9E 9A 03 01 02 03 00")).toBe("6A 86");
  });

  it("answers 6A 88 when the slot's key was cleared", async () => {
    await new CardIssuer(card).clearSlot("signing");
    await statusWords(card, selectEf("00 1B"), verifyPin(S_PIN), selectEf("00 1A"));
    expect(await send(card, computeSignature(digestInfo))).toBe("6A 88");
  });
});
