/**
 * A card for quick experiments without the portal: fresh sandbox S and R CAs in memory, a virtual card
 * personalised for a persona (花子 by default) as the municipal counter does it — keys made on the card, PKCS#10
 * signed by the card, certificates written back — and its PINs set. Gone when the process ends. TEST ONLY.
 */
import {
  createCertificationAuthority,
  createCertificationRequest,
  HANAKO,
  importPublicKey,
  issueSigningCertificate,
  issueUserAuthCertificate,
  verifyCertificationRequest,
  type CertificationAuthority,
  type Persona,
} from "@jpki-sandbox/jpki-core";
import { CardIssuer, VirtualCard, type Slot } from "@jpki-sandbox/virtual-card";

export interface EphemeralCardOptions {
  persona?: Persona;
  userAuthPin: string;
  /** No S key, certificate or PIN when undefined (an under-15 card). */
  signingPin?: string;
  cardId?: string;
}

export interface EphemeralCard {
  card: VirtualCard;
  /** The CA certificates (DER) the card's certificates chain to, to verify with openssl. */
  caCertificates: { S: Uint8Array; R: Uint8Array };
  /** The end-entity certificates (DER) written into the card. */
  certificates: { userAuth: Uint8Array; signing: Uint8Array | undefined };
}

export async function createEphemeralCard(options: EphemeralCardOptions): Promise<EphemeralCard> {
  const persona = options.persona ?? HANAKO;
  const [S, R] = await Promise.all([createCertificationAuthority({ kind: "S" }), createCertificationAuthority({ kind: "R" })]);
  const card = VirtualCard.manufacture({ cardId: options.cardId ?? `ephemeral-${persona.id}` });
  const counter = new CardIssuer(card);
  const userAuth = await certifySlot(counter, "userAuth", R, persona);
  await counter.setPin("userAuth", options.userAuthPin);
  let signing: Uint8Array | undefined;
  if (options.signingPin !== undefined) {
    signing = await certifySlot(counter, "signing", S, persona);
    await counter.setPin("signing", options.signingPin);
  }
  return {
    card,
    caCertificates: { S: new Uint8Array(S.certificate.rawData), R: new Uint8Array(R.certificate.rawData) },
    certificates: { userAuth, signing },
  };
}

async function certifySlot(counter: CardIssuer, slot: Slot, ca: CertificationAuthority, persona: Persona): Promise<Uint8Array> {
  const spki = await counter.generateKeyPair(slot);
  const csr = await createCertificationRequest({
    publicKey: await importPublicKey(spki),
    signer: (digestInfo) => counter.signCertificationRequest(slot, digestInfo),
  });
  const { publicKey } = await verifyCertificationRequest(csr);
  const issue = slot === "signing" ? issueSigningCertificate : issueUserAuthCertificate;
  const { certificate } = await issue({ ca, publicKey, persona });
  const der = new Uint8Array(certificate.rawData);
  await counter.writeCertificates(slot, { certificate: der, caCertificate: new Uint8Array(ca.certificate.rawData) });
  return der;
}
