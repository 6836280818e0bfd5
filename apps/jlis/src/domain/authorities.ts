/**
 * The two certification authorities of JPKI (JPKI.md "The two certificates"): 署名用 (S) and 利用者証明用 (R),
 * each with its own delegated OCSP responder (RFC 6960 §4.2.2.2).
 */
import {
  createCertificationAuthority,
  createOcspResponder,
  type CertificateKind,
  type CertificationAuthority,
  type OcspResponder,
} from "@jpki-sandbox/jpki-core";

export interface Authority {
  ca: CertificationAuthority;
  responder: OcspResponder;
}

export type Authorities = Record<CertificateKind, Authority>;

export const CERTIFICATE_KINDS: readonly CertificateKind[] = ["S", "R"];

/** Validity of the sandbox's roots and responders; long, so a demo can advance the clock by decades. */
export const AUTHORITY_VALIDITY_YEARS = 30;

export async function createAuthorities(notBefore: Date): Promise<Authorities> {
  const create = async (kind: CertificateKind): Promise<Authority> => {
    const ca = await createCertificationAuthority({ kind, notBefore, validityYears: AUTHORITY_VALIDITY_YEARS });
    const responder = await createOcspResponder(ca, { notBefore, validityYears: AUTHORITY_VALIDITY_YEARS });
    return { ca, responder };
  };
  const [S, R] = await Promise.all([create("S"), create("R")]);
  return { S, R };
}
