import {
  createChallenge,
  createInMemoryChallengeStore,
  normaliseSerialNumber,
  signChallenge,
  signCms,
  type Bytes,
} from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import { bankChallengeStore } from "../challenge-store.js";
import { isBankError } from "../errors.js";
import { MemoryBankStore } from "../test-support/memory-store.js";
import { SANDBOX_NOW, testPki, type TestPki } from "../test-support/sandbox.js";
import { verifyChallengeAnswer, verifySignedDocument } from "./signature-check.js";

const DOCUMENT = new TextEncoder().encode("口座開設申込書\nname: 総務　花子\n(TEST ONLY)");
const SIGNING_TIME = new Date("2026-05-01T11:59:00Z");

let pki: TestPki;
let signed: Bytes;

beforeAll(async () => {
  pki = await testPki();
  signed = await signCms({ content: DOCUMENT, signerCertificate: pki.hanakoS.certificate, signer: pki.hanakoS.signer, signingTime: SIGNING_TIME });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isBankError(error)) return error.code;
    throw error;
  }
  return undefined;
}

/** A copy of `der` with the first occurrence of `part` changed in one byte. */
function flipInside(der: Bytes, part: Bytes, offsetInPart = 0): Bytes {
  const at = Buffer.from(der).indexOf(Buffer.from(part));
  expect(at).toBeGreaterThanOrEqual(0);
  const out = Uint8Array.from(der);
  out[at + offsetInPart]! ^= 0x01;
  return out;
}

describe("signed document (④: CMS SignedData over the application)", () => {
  it("verifies 花子's CMS over the document and returns her S certificate", async () => {
    const verified = await verifySignedDocument(signed, DOCUMENT);
    expect(verified.signerCertificate.serialNumber).toBe(pki.hanakoS.certificate.serialNumber);
    expect(verified.content).toEqual(DOCUMENT);
    expect(verified.signingTime).toEqual(SIGNING_TIME);
  });

  it("SIGNATURE_INVALID when the signed content was altered in the CMS", async () => {
    expect(await codeOf(verifySignedDocument(flipInside(signed, DOCUMENT, 3), DOCUMENT))).toBe("SIGNATURE_INVALID");
  });

  it("SIGNATURE_INVALID when a byte of the signature was altered", async () => {
    // The signature is the last OCTET STRING of the SignerInfo: the DER's final 256 bytes.
    const tampered = Uint8Array.from(signed);
    tampered[tampered.length - 10]! ^= 0x01;
    expect(await codeOf(verifySignedDocument(tampered, DOCUMENT))).toBe("SIGNATURE_INVALID");
  });

  it("SIGNATURE_INVALID for bytes that are not CMS at all", async () => {
    expect(await codeOf(verifySignedDocument(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), DOCUMENT))).toBe("SIGNATURE_INVALID");
    expect(await codeOf(verifySignedDocument(new Uint8Array(0), DOCUMENT))).toBe("SIGNATURE_INVALID");
  });

  it("DOCUMENT_MISMATCH when a valid CMS signs something other than the document the bank sent", async () => {
    const other = await signCms({ content: new TextEncoder().encode("something else"), signerCertificate: pki.hanakoS.certificate, signer: pki.hanakoS.signer, signingTime: SIGNING_TIME });
    expect(await codeOf(verifySignedDocument(other, DOCUMENT))).toBe("DOCUMENT_MISMATCH");
  });

  it("SIGNATURE_INVALID for a detached CMS (the bank expects the application attached)", async () => {
    const detached = await signCms({ content: DOCUMENT, signerCertificate: pki.hanakoS.certificate, signer: pki.hanakoS.signer, signingTime: SIGNING_TIME, detached: true });
    expect(await codeOf(verifySignedDocument(detached, DOCUMENT))).toBe("SIGNATURE_INVALID");
  });
});

describe("challenge answer (④': the R key's signature over a fresh, single-use challenge)", () => {
  const clock = () => SANDBOX_NOW;

  async function issued(now = SANDBOX_NOW, ttlSeconds = 300) {
    const store = bankChallengeStore(new MemoryBankStore().challenges, clock);
    const challenge = createChallenge({ now, ttlSeconds });
    await store.save(challenge);
    return { store, challenge, signature: await signChallenge(challenge, pki.hanakoR.signer) };
  }

  it("accepts 花子's R signature and answers her R serial", async () => {
    const { store, challenge, signature } = await issued();
    const result = await verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW });
    expect(result.serialNumber).toBe(normaliseSerialNumber(pki.hanakoR.certificate.serialNumber));
  });

  it("CHALLENGE_REPLAYED for a second answer to the same challenge", async () => {
    const { store, challenge, signature } = await issued();
    const answer = { challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW };
    await verifyChallengeAnswer(answer);
    expect(await codeOf(verifyChallengeAnswer(answer))).toBe("CHALLENGE_REPLAYED");
  });

  it("CHALLENGE_EXPIRED once expiresAt has passed", async () => {
    const { store, challenge, signature } = await issued(new Date(SANDBOX_NOW.getTime() - 301_000), 300);
    expect(await codeOf(verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW }))).toBe("CHALLENGE_EXPIRED");
  });

  it("CHALLENGE_EXPIRED exactly at expiresAt (usable only while now < expiresAt)", async () => {
    const { store, challenge, signature } = await issued();
    expect(await codeOf(verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: challenge.expiresAt }))).toBe("CHALLENGE_EXPIRED");
  });

  it("CHALLENGE_UNKNOWN for an id the bank never issued", async () => {
    const { store, signature } = await issued();
    expect(await codeOf(verifyChallengeAnswer({ challengeId: "never-issued", signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW }))).toBe("CHALLENGE_UNKNOWN");
  });

  it("CHALLENGE_UNKNOWN for a malformed id", async () => {
    const { store, signature } = await issued();
    expect(await codeOf(verifyChallengeAnswer({ challengeId: "not/base64url!", signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW }))).toBe("CHALLENGE_UNKNOWN");
  });

  it("SIGNATURE_INVALID when another key signed (the S key against the R certificate), and the challenge is used up", async () => {
    const { store, challenge } = await issued();
    const signature = await signChallenge(challenge, pki.hanakoS.signer);
    const answer = { challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW };
    expect(await codeOf(verifyChallengeAnswer(answer))).toBe("SIGNATURE_INVALID");
    expect(await codeOf(verifyChallengeAnswer(answer))).toBe("CHALLENGE_REPLAYED");
  });

  it("SIGNATURE_INVALID when the signature is over another challenge's nonce", async () => {
    const { store, challenge } = await issued();
    const other = createChallenge({ now: SANDBOX_NOW });
    const signature = await signChallenge(other, pki.hanakoR.signer);
    expect(await codeOf(verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW }))).toBe("SIGNATURE_INVALID");
  });

  it("works the same over jpki-core's in-memory store", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge({ now: SANDBOX_NOW });
    await store.save(challenge);
    const signature = await signChallenge(challenge, pki.hanakoR.signer);
    await verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW });
    expect(await codeOf(verifyChallengeAnswer({ challengeId: challenge.id, signature, certificate: pki.hanakoR.certificate, store, at: SANDBOX_NOW }))).toBe("CHALLENGE_REPLAYED");
  });
});
