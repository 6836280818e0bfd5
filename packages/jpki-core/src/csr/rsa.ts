/**
 * The RSA details a request's key is checked against: the JPKI key profile (RSA-2048, exponent 65537; JPKI.md
 * "Both: RSA-2048 …") and RSASSA-PKCS1-v1_5 verification with a bare SubjectPublicKeyInfo. The shared
 * verifyRsaSignature works from a certificate; a request has only a key, so this imports the SPKI itself.
 */
import type { RsaSignatureHash } from "../crypto/verify-signature.js";
import { getCrypto } from "../crypto/provider.js";
import { bytesToHex, type Bytes } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { childrenOf, decodeOid, readOnly, TAG, valueOf, type Tlv } from "../revocation/der.js";

export const MIN_RSA_MODULUS_BITS = 2048;
export const RSA_PUBLIC_EXPONENT = 65537n;

export interface RsaPublicKeyNumbers {
  modulusBits: number;
  publicExponent: bigint;
}

/** The size and exponent of an rsaEncryption SubjectPublicKeyInfo; throws if it is anything else. */
export function readRsaPublicKey(spki: Bytes): RsaPublicKeyNumbers {
  const [algorithm, key] = twoFields(spki, readOnly(spki, TAG.SEQUENCE), [TAG.SEQUENCE, TAG.BIT_STRING]);
  const algorithmOid = childrenOf(spki, algorithm)[0];
  if (algorithmOid?.tag !== TAG.OID || decodeOid(valueOf(spki, algorithmOid)) !== OID.rsaEncryption) {
    throw new Error("the subject public key is not an RSA (rsaEncryption) key");
  }
  const bits = valueOf(spki, key);
  if (bits[0] !== 0) throw new Error("subjectPublicKey is not a whole-octet BIT STRING");
  const rsaPublicKey = bits.subarray(1);
  const [modulus, exponent] = twoFields(rsaPublicKey, readOnly(rsaPublicKey, TAG.SEQUENCE), [TAG.INTEGER, TAG.INTEGER]);
  return {
    modulusBits: positiveIntegerBits(valueOf(rsaPublicKey, modulus)),
    publicExponent: BigInt(`0x${bytesToHex(valueOf(rsaPublicKey, exponent))}`),
  };
}

/** True when `signature` is the key's PKCS#1 v1.5 signature over `data` with `hash`; false on any failure. */
export async function rsaPkcs1SignatureVerifies(
  spki: Bytes,
  hash: RsaSignatureHash,
  signature: Bytes,
  data: Bytes,
): Promise<boolean> {
  try {
    const subtle = getCrypto().subtle;
    const key = await subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash }, false, ["verify"]);
    return await subtle.verify("RSASSA-PKCS1-v1_5", key, signature, data);
  } catch {
    return false; // a signature of the wrong length, say
  }
}

function twoFields(bytes: Uint8Array, parent: Tlv, tags: readonly [number, number]): [Tlv, Tlv] {
  const fields = childrenOf(bytes, parent);
  if (fields.length !== 2 || fields[0]!.tag !== tags[0] || fields[1]!.tag !== tags[1]) {
    throw new Error("the public key does not have the fields RFC 3279 §2.3.1 defines");
  }
  return [fields[0]!, fields[1]!];
}

/** Bit length of a DER INTEGER that must be positive (RSA moduli are). */
function positiveIntegerBits(value: Bytes): number {
  if (value.length === 0 || value[0]! & 0x80) throw new Error("the RSA modulus is not a positive INTEGER");
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const top = value[start]!;
  return (value.length - start - 1) * 8 + (top === 0 ? 0 : 32 - Math.clz32(top));
}
