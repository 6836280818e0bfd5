/**
 * DER details CMS needs that the ASN.1 libraries leave to the caller.
 */
import type { Bytes } from "../encoding/pem.js";

/**
 * X.690 §11.6: the elements of a DER SET OF appear in ascending order of their encodings, compared as octet
 * strings, the shorter one padded at its end with 0x00 octets. pkijs writes signedAttrs in the order given,
 * so signCms sorts them with this before signing (NOTES.md "Crypto libraries").
 */
export function compareDerSetOfElements(a: Uint8Array, b: Uint8Array): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** True when the encodings are in DER SET OF order. */
export function isDerSetOfOrder(elements: readonly Uint8Array[]): boolean {
  return elements.every((element, i) => i === 0 || compareDerSetOfElements(elements[i - 1]!, element) <= 0);
}

/**
 * RFC 5652 §5.4: the signature covers the DER of the signedAttrs with the EXPLICIT SET OF tag (0x31), not the
 * IMPLICIT [0] (0xA0) it is written with. Returns a copy with the tag replaced.
 */
export function signedAttributesAsSet(encodedSignedAttrs: Uint8Array): Bytes {
  const copy = new Uint8Array(encodedSignedAttrs);
  copy[0] = 0x31;
  return copy;
}
