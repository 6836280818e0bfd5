/**
 * The challenge response against OpenSSL: `openssl dgst -sha256 -verify` accepts it over the nonce (so any
 * RSASSA-PKCS1-v1_5 verifier can check it), and `openssl pkeyutl -sign` over the DigestInfo — what a card's
 * COMPUTE DIGITAL SIGNATURE does — gives the same bytes as signChallenge, which verifyChallengeResponse accepts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bytesToHex, toBytes, toPem } from "../encoding/pem.js";
import { sandboxFixture, tempDir, writeKeyPem, type SandboxFixture } from "../test-support/fixtures.js";
import { opensslOk } from "../test-support/openssl.js";
import { challengeDigestInfo, createChallenge, signChallenge } from "./challenge.js";
import { createInMemoryChallengeStore } from "./store.js";
import { verifyChallengeResponse } from "./verify.js";

let f: SandboxFixture;
let dir: string;
beforeAll(async () => {
  f = await sandboxFixture();
  dir = tempDir("jpki-challenge-");
});

describe("challenge–response with openssl", () => {
  it("openssl dgst -sha256 -verify accepts signChallenge over the nonce", async () => {
    const challenge = createChallenge();
    const nonce = join(dir, "nonce.bin");
    const signature = join(dir, "sig.bin");
    const publicKey = join(dir, "r.pub.pem");
    writeFileSync(nonce, challenge.nonce);
    writeFileSync(signature, await signChallenge(challenge, f.hanakoR.signer));
    writeFileSync(publicKey, toPem(f.hanakoR.certificate.publicKey.rawData, "PUBLIC KEY"));
    const result = opensslOk(["dgst", "-sha256", "-verify", publicKey, "-signature", signature, nonce]);
    expect(result.stdout).toMatch(/Verified OK/);
  });

  it("a card-style raw signature over the DigestInfo (openssl pkeyutl) is accepted", async () => {
    const store = createInMemoryChallengeStore();
    const challenge = createChallenge();
    await store.save(challenge);
    const digestInfo = join(dir, "digest-info.bin");
    const out = join(dir, "card-sig.bin");
    writeFileSync(digestInfo, await challengeDigestInfo(challenge));
    const key = await writeKeyPem(dir, "r.key", f.hanakoR.keys.privateKey);
    opensslOk(["pkeyutl", "-sign", "-inkey", key, "-pkeyopt", "rsa_padding_mode:pkcs1", "-in", digestInfo, "-out", out]);
    const cardSignature = toBytes(readFileSync(out));
    expect(bytesToHex(cardSignature)).toBe(bytesToHex(await signChallenge(challenge, f.hanakoR.signer)));
    const result = await verifyChallengeResponse({
      challengeId: challenge.id,
      signature: cardSignature,
      certificate: f.hanakoR.certificate,
      store,
    });
    expect(result.serialNumber).toMatch(/^[0-9a-f]+$/);
  });
});
