import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { decodeSha256DigestInfo, sha256, sha256DigestInfoOf } from "./digest-info.js";
import { generateRsaKeyPair, RSA_ALGORITHM } from "./keys.js";
import { getCrypto } from "./provider.js";
import { createSoftwareSigner, invokeSigner } from "./signer.js";

describe("DigestInfo signers", () => {
  it("produce exactly WebCrypto's RSASSA-PKCS1-v1_5 signature (it is deterministic)", async () => {
    const keys = await generateRsaKeyPair();
    const signer = await createSoftwareSigner(keys.privateKey);
    const message = new TextEncoder().encode("口座開設申込書 — TEST ONLY");
    const ours = await invokeSigner(signer, await sha256DigestInfoOf(message));
    const webcrypto = new Uint8Array(await getCrypto().subtle.sign(RSA_ALGORITHM, keys.privateKey, message));
    expect(bytesToHex(ours)).toBe(bytesToHex(webcrypto));
    expect(await getCrypto().subtle.verify(RSA_ALGORITHM, keys.publicKey, ours, message)).toBe(true);
  });

  it("encode and decode a SHA-256 DigestInfo (RFC 8017 prefix)", async () => {
    const digest = await sha256(new Uint8Array([1, 2, 3]));
    const info = await sha256DigestInfoOf(new Uint8Array([1, 2, 3]));
    expect(bytesToHex(info).startsWith("3031300d060960864801650304020105000420")).toBe(true);
    expect(decodeSha256DigestInfo(info)).toEqual(digest);
    expect(() => decodeSha256DigestInfo(digest)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("turn a failing signer into SIGNER_FAILED", async () => {
    const failing = async () => {
      throw new Error("6983: PIN blocked");
    };
    await expect(invokeSigner(failing, new Uint8Array(51))).rejects.toMatchObject({
      code: "SIGNER_FAILED",
      message: expect.stringContaining("PIN blocked"),
    });
  });
});
