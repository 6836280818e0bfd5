/**
 * The municipal counter's side of the card (personalisation, 交付): keys generated on the card, PKCS#10
 * requests signed by the card as proof of possession, certificates written into its EFs, PINs set or reset.
 * Everything the counter does to a card goes through here; nothing reads a private key.
 */
import { createCertificationRequest, csrToPem, importPublicKey, pemOrDerToDer, type Bytes } from "@jpki-sandbox/jpki-core";
import { CardIssuer, type Slot, type VirtualCard } from "@jpki-sandbox/virtual-card";

export type { Slot };

/** A new key pair in `slot` (replacing any, which clears its certificate) and the CSR that proves it. */
export async function newKeyWithCertificationRequest(card: VirtualCard, slot: Slot): Promise<string> {
  const issuer = new CardIssuer(card);
  const spki = await issuer.generateKeyPair(slot);
  const csr = await createCertificationRequest({
    publicKey: await importPublicKey(spki),
    signer: (digestInfo) => issuer.signCertificationRequest(slot, digestInfo),
  });
  return csrToPem(csr);
}

/** Writes the certificate jlis issued for the slot's key and its CA's certificate into the card. */
export async function installCertificate(card: VirtualCard, slot: Slot, certificatePem: string, caCertificateDer: Bytes): Promise<void> {
  await new CardIssuer(card).writeCertificates(slot, { certificate: pemOrDerToDer(certificatePem), caCertificate: caCertificateDer });
}

export async function setPin(card: VirtualCard, slot: Slot, pin: string): Promise<void> {
  await new CardIssuer(card).setPin(slot, pin);
}

/** Unblocks a PIN at the counter with a new one; the retry counter starts again (JPKI.md "The card"). */
export async function resetPin(card: VirtualCard, slot: Slot, newPin: string): Promise<void> {
  await new CardIssuer(card).resetPin(slot, newPin);
}
