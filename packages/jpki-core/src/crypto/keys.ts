import type { Bytes } from "../encoding/pem.js";
import { JpkiError, parseOrThrow } from "../errors.js";
import { pemOrDerToDer, toPem } from "../encoding/pem.js";
import { getCrypto } from "./provider.js";

/** JPKI keys are RSA-2048 with exponent 65537, used with SHA-256 (JPKI.md "Both: RSA-2048 …"). */
export const RSA_ALGORITHM: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};

const IMPORT_ALGORITHM: RsaHashedImportParams = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

/**
 * A fresh RSA-2048 key pair. The private key is extractable only because software keys (CAs, the CLI's
 * end-entity keys) are saved to files; card keys live in packages/virtual-card and never leave it.
 */
export async function generateRsaKeyPair(): Promise<CryptoKeyPair> {
  return getCrypto().subtle.generateKey(RSA_ALGORITHM, true, ["sign", "verify"]);
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return toPem(await getCrypto().subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

export async function exportPublicKeyDer(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await getCrypto().subtle.exportKey("spki", key));
}

/** Imports a PKCS#8 RSA private key (PEM `PRIVATE KEY` or DER). */
export async function importPrivateKey(input: string | BufferSource): Promise<CryptoKey> {
  const der = parseOrThrow("KEY_MALFORMED", "private key", () => pemOrDerToDer(input, ["PRIVATE KEY"]));
  try {
    return await getCrypto().subtle.importKey("pkcs8", der, IMPORT_ALGORITHM, true, ["sign"]);
  } catch (cause) {
    throw new JpkiError("KEY_MALFORMED", "not a PKCS#8 RSA private key", { cause });
  }
}

/** Imports a SubjectPublicKeyInfo RSA public key (PEM `PUBLIC KEY` or DER). */
export async function importPublicKey(input: string | BufferSource): Promise<CryptoKey> {
  const der = parseOrThrow("KEY_MALFORMED", "public key", () => pemOrDerToDer(input, ["PUBLIC KEY"]));
  try {
    return await getCrypto().subtle.importKey("spki", der, IMPORT_ALGORITHM, true, ["verify"]);
  } catch (cause) {
    throw new JpkiError("KEY_MALFORMED", "not an RSA SubjectPublicKeyInfo", { cause });
  }
}

/** The public half of an RSA private key (WebCrypto has no direct call: go through JWK). */
export async function publicKeyFromPrivateKey(privateKey: CryptoKey): Promise<CryptoKey> {
  const subtle = getCrypto().subtle;
  const { kty, n, e } = await subtle.exportKey("jwk", privateKey);
  return subtle.importKey("jwk", { kty, n, e, ext: true }, IMPORT_ALGORITHM, true, ["verify"]);
}
