/**
 * A software stand-in for a My Number Card in tests: two key pairs that sign only through DigestInfo
 * signers, CSRs as proof of possession, CMS signatures with the S key. (The real virtual card is
 * packages/virtual-card.) TEST ONLY.
 */
import {
  createCertificationRequest,
  createSoftwareSigner,
  csrToPem,
  generateRsaKeyPair,
  parseX509,
  signCms,
  type Bytes,
  type DigestInfoSigner,
} from "@jpki-sandbox/jpki-core";

export interface SoftwareCard {
  signingKeys: CryptoKeyPair;
  userAuthKeys: CryptoKeyPair;
  signingSigner: DigestInfoSigner;
  userAuthSigner: DigestInfoSigner;
  signingCsr(): Promise<string>;
  userAuthCsr(): Promise<string>;
  /** Attached CMS SignedData over `content`, signed with the S key and the given S certificate (PEM). */
  signWithSigningKey(content: Uint8Array, signingCertificatePem: string): Promise<Bytes>;
  /** Replaces the S key pair (a move: the card makes a new S key). */
  regenerateSigningKey(): Promise<void>;
}

export async function createSoftwareCard(): Promise<SoftwareCard> {
  const card = {
    signingKeys: await generateRsaKeyPair(),
    userAuthKeys: await generateRsaKeyPair(),
  } as SoftwareCard;
  const refresh = async () => {
    card.signingSigner = await createSoftwareSigner(card.signingKeys.privateKey);
    card.userAuthSigner = await createSoftwareSigner(card.userAuthKeys.privateKey);
  };
  await refresh();
  card.signingCsr = async () => csrToPem(await createCertificationRequest({ publicKey: card.signingKeys.publicKey, signer: card.signingSigner }));
  card.userAuthCsr = async () => csrToPem(await createCertificationRequest({ publicKey: card.userAuthKeys.publicKey, signer: card.userAuthSigner }));
  card.signWithSigningKey = async (content, pem) =>
    signCms({ content: new Uint8Array(content), signerCertificate: parseX509(pem), signer: card.signingSigner });
  card.regenerateSigningKey = async () => {
    card.signingKeys = await generateRsaKeyPair();
    await refresh();
  };
  return card;
}
