import type { Bytes } from "../encoding/pem.js";
/**
 * Signing where the key is held elsewhere. The card (packages/virtual-card) performs the raw RSA PKCS#1 v1.5
 * operation over a DigestInfo (COMPUTE DIGITAL SIGNATURE, JPKI.md "The card"), so jpki-core's CMS and
 * challenge–response take a callback of that shape instead of a key.
 */
import { JpkiError } from "../errors.js";
import { base64UrlToBigInt, bigIntToBytes, bytesToBigInt } from "../encoding/bigint.js";
import { toBytes } from "../encoding/pem.js";
import { getCrypto } from "./provider.js";

/** Returns the PKCS#1 v1.5 signature (RFC 8017 §8.2.1 with the DigestInfo already encoded). */
export type DigestInfoSigner = (digestInfo: Bytes) => Promise<Uint8Array>;

/** Calls a signer and wraps whatever it throws (a card may answer with a PIN error, say) as SIGNER_FAILED. */
export async function invokeSigner(signer: DigestInfoSigner, digestInfo: Bytes): Promise<Bytes> {
  try {
    return toBytes(await signer(digestInfo));
  } catch (cause) {
    if (cause instanceof JpkiError) throw cause;
    throw new JpkiError("SIGNER_FAILED", `the signer failed: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
  }
}

/**
 * A DigestInfoSigner over a software RSA key, for tests, the CLI and benchmarks. WebCrypto cannot sign a
 * pre-hashed DigestInfo, so this does RSASP1 itself (RFC 8017 §5.2.1, with the CRT) on the extractable key:
 * pure JavaScript, so it runs wherever jpki-core does.
 */
export async function createSoftwareSigner(privateKey: CryptoKey): Promise<DigestInfoSigner> {
  const jwk = await getCrypto().subtle.exportKey("jwk", privateKey);
  const { n, p, q, dp, dq, qi } = jwk;
  if (!n || !p || !q || !dp || !dq || !qi) throw new JpkiError("KEY_UNSUPPORTED", "need an RSA private key with CRT");
  const key = {
    n: base64UrlToBigInt(n),
    p: base64UrlToBigInt(p),
    q: base64UrlToBigInt(q),
    dp: base64UrlToBigInt(dp),
    dq: base64UrlToBigInt(dq),
    qi: base64UrlToBigInt(qi),
  };
  const k = Math.ceil(key.n.toString(16).length / 2);
  return async (digestInfo) => {
    const encoded = emsaPkcs1v15Encode(digestInfo, k);
    const m = bytesToBigInt(encoded);
    const m1 = modPow(m % key.p, key.dp, key.p);
    const m2 = modPow(m % key.q, key.dq, key.q);
    const h = (key.qi * (((m1 - m2) % key.p) + key.p)) % key.p;
    return bigIntToBytes(m2 + h * key.q, k);
  };
}

/** EM = 0x00 || 0x01 || PS (0xff…) || 0x00 || T, RFC 8017 §9.2 steps 3–5. */
function emsaPkcs1v15Encode(digestInfo: Bytes, k: number): Bytes {
  if (digestInfo.length > k - 11) throw new JpkiError("INVALID_ARGUMENT", "DigestInfo too long for the key");
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[k - digestInfo.length - 1] = 0x00;
  em.set(digestInfo, k - digestInfo.length);
  return em;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}
