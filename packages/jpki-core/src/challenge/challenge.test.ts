import { beforeAll, describe, expect, it } from "vitest";
import { getCrypto } from "../crypto/provider.js";
import { sha256, encodeSha256DigestInfo } from "../crypto/digest-info.js";
import { bytesToHex } from "../encoding/pem.js";
import { normaliseSerialNumber } from "../profile/serial-number.js";
import { sandboxFixture, type SandboxFixture } from "../test-support/fixtures.js";
import {
  CHALLENGE_NONCE_LENGTH,
  challengeDigestInfo,
  challengeFromJson,
  challengeSignedBytes,
  challengeToJson,
  createChallenge,
  signChallenge,
  type Challenge,
} from "./challenge.js";
import { createInMemoryChallengeStore, type ChallengeStore } from "./store.js";
import { verifyChallengeResponse } from "./verify.js";
import { codeOf } from "../test-support/error-code.js";

const NOW = new Date("2026-04-02T00:00:00Z");

let f: SandboxFixture;
beforeAll(async () => {
  f = await sandboxFixture();
});

async function issued(store: ChallengeStore, ttlSeconds?: number): Promise<Challenge> {
  const challenge = createChallenge({ now: NOW, ...(ttlSeconds ? { ttlSeconds } : {}) });
  await store.save(challenge);
  return challenge;
}

describe("createChallenge", () => {
  it("makes a random URL-safe id, 32 random bytes, and a 5-minute lifetime by default", () => {
    const a = createChallenge({ now: NOW });
    const b = createChallenge({ now: NOW });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.nonce).toHaveLength(CHALLENGE_NONCE_LENGTH);
    expect(a.id).not.toBe(b.id);
    expect(bytesToHex(a.nonce)).not.toBe(bytesToHex(b.nonce));
    expect(a.issuedAt.toISOString()).toBe(NOW.toISOString());
    expect(a.expiresAt.getTime() - NOW.getTime()).toBe(300_000);
    expect(createChallenge({ now: NOW, ttlSeconds: 30 }).expiresAt.getTime() - NOW.getTime()).toBe(30_000);
  });

  it("rejects a non-positive ttl", () => {
    expect(() => createChallenge({ ttlSeconds: 0 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("signs exactly the nonce: the card gets SHA-256 DigestInfo(nonce), the result is RSASSA-PKCS1-v1_5/SHA-256", async () => {
    const challenge = createChallenge({ now: NOW });
    expect(bytesToHex(challengeSignedBytes(challenge))).toBe(bytesToHex(challenge.nonce));
    expect(bytesToHex(await challengeDigestInfo(challenge))).toBe(
      bytesToHex(encodeSha256DigestInfo(await sha256(challenge.nonce))),
    );
    const signature = await signChallenge(challenge, f.hanakoR.signer);
    const webCrypto = await getCrypto().subtle.sign("RSASSA-PKCS1-v1_5", f.hanakoR.keys.privateKey, challenge.nonce);
    expect(bytesToHex(signature)).toBe(bytesToHex(webCrypto));
  });

  it("maps a failing signer (a blocked PIN) to SIGNER_FAILED", async () => {
    const blocked = async (): Promise<Uint8Array> => {
      throw new Error("69 83");
    };
    expect(await codeOf(signChallenge(createChallenge(), blocked))).toBe("SIGNER_FAILED");
  });

  it("round-trips through JSON and rejects malformed JSON (CHALLENGE_MALFORMED)", () => {
    const challenge = createChallenge({ now: NOW });
    const json = JSON.parse(JSON.stringify(challengeToJson(challenge)));
    const back = challengeFromJson(json);
    expect(back.id).toBe(challenge.id);
    expect(bytesToHex(back.nonce)).toBe(bytesToHex(challenge.nonce));
    expect(back.expiresAt.toISOString()).toBe(challenge.expiresAt.toISOString());
    for (const bad of [
      null,
      "x",
      { ...json, id: "not/url+safe" },
      { ...json, nonce: "AAAA" },
      { ...json, nonce: 42 },
      { ...json, expiresAt: "tomorrow" },
    ]) {
      expect(() => challengeFromJson(bad)).toThrow(expect.objectContaining({ code: "CHALLENGE_MALFORMED" }));
    }
  });
});

describe("verifyChallengeResponse", () => {
  it("accepts the card's answer and returns the R certificate's serial", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = await issued(store);
    const result = await verifyChallengeResponse({
      challengeId: challenge.id,
      signature: await signChallenge(challenge, f.hanakoR.signer),
      certificate: f.hanakoR.certificate,
      store,
      now: new Date(NOW.getTime() + 60_000),
    });
    expect(result.serialNumber).toBe(normaliseSerialNumber(f.hanakoR.certificate.serialNumber));
    expect(result.challenge.id).toBe(challenge.id);
  });

  it("accepts one answer only (CHALLENGE_REPLAYED)", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = await issued(store);
    const response = {
      challengeId: challenge.id,
      signature: await signChallenge(challenge, f.hanakoR.signer),
      certificate: f.hanakoR.certificate,
      store,
      now: NOW,
    };
    await verifyChallengeResponse(response);
    expect(await codeOf(verifyChallengeResponse(response))).toBe("CHALLENGE_REPLAYED");
  });

  it("lets two racing answers succeed at most once", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = await issued(store);
    const signature = await signChallenge(challenge, f.hanakoR.signer);
    const attempt = () =>
      verifyChallengeResponse({ challengeId: challenge.id, signature, certificate: f.hanakoR.certificate, store, now: NOW });
    const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("burns the challenge on a failed attempt: the right answer afterwards is CHALLENGE_REPLAYED", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = await issued(store);
    const good = await signChallenge(challenge, f.hanakoR.signer);
    const bad = good.slice();
    bad[10] = bad[10]! ^ 0xff;
    const base = { challengeId: challenge.id, certificate: f.hanakoR.certificate, store, now: NOW };
    expect(await codeOf(verifyChallengeResponse({ ...base, signature: bad }))).toBe("CHALLENGE_SIGNATURE_INVALID");
    expect(await codeOf(verifyChallengeResponse({ ...base, signature: good }))).toBe("CHALLENGE_REPLAYED");
  });

  it("refuses an answer at or after expiresAt (CHALLENGE_EXPIRED)", async () => {
    const store = createInMemoryChallengeStore();
    const late = await issued(store, 60);
    const inTime = await issued(store, 60);
    const answer = async (challenge: Challenge, now: Date) =>
      verifyChallengeResponse({
        challengeId: challenge.id,
        signature: await signChallenge(challenge, f.hanakoR.signer),
        certificate: f.hanakoR.certificate,
        store,
        now,
      });
    expect(await codeOf(answer(late, late.expiresAt))).toBe("CHALLENGE_EXPIRED");
    await expect(answer(inTime, new Date(inTime.expiresAt.getTime() - 1))).resolves.toBeDefined();
  });

  it("refuses an id it never issued (CHALLENGE_UNKNOWN)", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge({ now: NOW }); // not saved
    expect(
      await codeOf(
        verifyChallengeResponse({
          challengeId: challenge.id,
          signature: await signChallenge(challenge, f.hanakoR.signer),
          certificate: f.hanakoR.certificate,
          store,
          now: NOW,
        }),
      ),
    ).toBe("CHALLENGE_UNKNOWN");
  });

  it("refuses a signature that the certificate's key did not make (CHALLENGE_SIGNATURE_INVALID)", async () => {
    const store = createInMemoryChallengeStore();
    // signed with the R key, presented with the S certificate
    const a = await issued(store);
    expect(
      await codeOf(
        verifyChallengeResponse({
          challengeId: a.id,
          signature: await signChallenge(a, f.hanakoR.signer),
          certificate: f.hanakoS.certificate,
          store,
          now: NOW,
        }),
      ),
    ).toBe("CHALLENGE_SIGNATURE_INVALID");
    // the right key, but over another challenge's nonce
    const b = await issued(store);
    const c = await issued(store);
    expect(
      await codeOf(
        verifyChallengeResponse({
          challengeId: b.id,
          signature: await signChallenge(c, f.hanakoR.signer),
          certificate: f.hanakoR.certificate,
          store,
          now: NOW,
        }),
      ),
    ).toBe("CHALLENGE_SIGNATURE_INVALID");
    // a signature of the wrong length
    const d = await issued(store);
    expect(
      await codeOf(
        verifyChallengeResponse({
          challengeId: d.id,
          signature: new Uint8Array(8),
          certificate: f.hanakoR.certificate,
          store,
          now: NOW,
        }),
      ),
    ).toBe("CHALLENGE_SIGNATURE_INVALID");
  });

  it("rejects a malformed id or an empty signature (CHALLENGE_MALFORMED) without touching the store", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = await issued(store);
    const base = { certificate: f.hanakoR.certificate, store, now: NOW };
    expect(
      await codeOf(verifyChallengeResponse({ ...base, challengeId: "../etc", signature: new Uint8Array(256) })),
    ).toBe("CHALLENGE_MALFORMED");
    expect(
      await codeOf(verifyChallengeResponse({ ...base, challengeId: challenge.id, signature: new Uint8Array(0) })),
    ).toBe("CHALLENGE_MALFORMED");
    await expect(
      verifyChallengeResponse({
        ...base,
        challengeId: challenge.id,
        signature: await signChallenge(challenge, f.hanakoR.signer),
      }),
    ).resolves.toBeDefined();
  });
});
