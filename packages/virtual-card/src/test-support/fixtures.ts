/**
 * Test fixtures: sandbox S and R CAs from jpki-core and a card personalised as 花子's (HANAKO) at the counter,
 * with a CSR signed by the card as proof of possession. Made once per test file (key generation is the slow
 * part); `fresh()` restores an independent copy from the exported state. TEST ONLY, excluded from the build.
 */
import type { Bytes } from "../bytes.js";
import { randomBytes } from "node:crypto";
import {
  createCertificationAuthority,
  createCertificationRequest,
  HANAKO,
  importPublicKey,
  issueSigningCertificate,
  issueUserAuthCertificate,
  verifyCertificationRequest,
  type CertificationAuthority,
} from "@jpki-sandbox/jpki-core";
import type { Slot } from "../applet/files.js";
import { CardIssuer, type SlotCertificates } from "../card/issuer.js";
import { VirtualCard } from "../card/virtual-card.js";
import type { CardState } from "../state/schema.js";

export const R_PIN = "1234";
export const S_PIN = "SANDBOX1";
export const CARD_ID = "card-hanako-0001";
/** After 花子's 16th birthday, as jpki-core's fixtures. */
export const ISSUED_AT = new Date("2026-04-01T01:00:00Z");

export interface CardAuthorities {
  S: CertificationAuthority;
  R: CertificationAuthority;
}

export interface PersonalisedCardFixture {
  cas: CardAuthorities;
  certificates: Record<Slot, SlotCertificates>;
  kek: Bytes;
  state: CardState;
  /** A new card restored from the state: same keys, certificates and PINs; powered up, nothing verified. */
  fresh(): VirtualCard;
}

let authorities: Promise<CardAuthorities> | undefined;
let personalised: Promise<PersonalisedCardFixture> | undefined;

export function sandboxAuthorities(): Promise<CardAuthorities> {
  authorities ??= (async () => {
    const notBefore = new Date("2025-01-01T00:00:00Z");
    const [S, R] = await Promise.all([
      createCertificationAuthority({ kind: "S", notBefore }),
      createCertificationAuthority({ kind: "R", notBefore }),
    ]);
    return { S, R };
  })();
  return authorities;
}

/** Counter issuance for one slot: key on the card, CSR signed by the card, certificate written back. */
export async function certifySlot(issuer: CardIssuer, slot: Slot, ca: CertificationAuthority): Promise<SlotCertificates> {
  const spki = await issuer.generateKeyPair(slot);
  const csr = await createCertificationRequest({
    publicKey: await importPublicKey(spki),
    signer: (digestInfo) => issuer.signCertificationRequest(slot, digestInfo),
  });
  const { publicKey } = await verifyCertificationRequest(csr);
  const issue = slot === "signing" ? issueSigningCertificate : issueUserAuthCertificate;
  const { certificate } = await issue({ ca, publicKey, persona: HANAKO, issuedAt: ISSUED_AT });
  const certificates = {
    certificate: new Uint8Array(certificate.rawData),
    caCertificate: new Uint8Array(ca.certificate.rawData),
  };
  await issuer.writeCertificates(slot, certificates);
  return certificates;
}

export function personalisedCard(): Promise<PersonalisedCardFixture> {
  personalised ??= (async () => {
    const cas = await sandboxAuthorities();
    const card = VirtualCard.manufacture({ cardId: CARD_ID });
    const issuer = new CardIssuer(card);
    const certificates = {
      userAuth: await certifySlot(issuer, "userAuth", cas.R),
      signing: await certifySlot(issuer, "signing", cas.S),
    };
    await issuer.setPin("userAuth", R_PIN);
    await issuer.setPin("signing", S_PIN);
    const kek = new Uint8Array(randomBytes(32));
    const state = card.exportState(kek);
    return { cas, certificates, kek, state, fresh: () => VirtualCard.restore(structuredClone(state), kek) };
  })();
  return personalised;
}
