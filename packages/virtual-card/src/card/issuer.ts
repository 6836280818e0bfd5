/**
 * Personalisation at the municipal counter (the issuer side): generating the on-card keys, the proof-of-
 * possession signature for the certification request, writing the certificates, setting and resetting PINs.
 * None of this is reachable by APDU. No operation ever returns a private key.
 */
import type { Bytes } from "../bytes.js";
import { X509Certificate } from "node:crypto";
import { isSlot, slotLetter, type Slot } from "../applet/files.js";
import { generateCardKey, signDigestInfo } from "../applet/keys.js";
import type { SlotMemory } from "../applet/memory.js";
import { createPinRecord } from "../applet/pin.js";
import { assertPinFormat, PIN_RULES, pinBytes } from "../applet/pin-rules.js";
import { bytesEqual } from "../bytes.js";
import { CardError } from "../errors.js";
import { internalsOf, type CardInternals, type VirtualCard } from "./virtual-card.js";

export interface SlotCertificates {
  /** DER of the holder's certificate for the slot's key (S or R). */
  certificate: Bytes;
  /** DER of the CA certificate that issued it. */
  caCertificate: Bytes;
}

export interface SlotStatus {
  hasKey: boolean;
  hasCertificate: boolean;
  pinSet: boolean;
  /** Tries left; undefined when no PIN is set. 0 = blocked. */
  pinTriesLeft?: number;
  pinMaxTries: number;
}

export interface CardStatus {
  cardId: string;
  userAuth: SlotStatus;
  signing: SlotStatus;
}

function checkSlot(slot: unknown): asserts slot is Slot {
  if (!isSlot(slot)) throw new CardError("INVALID_ARGUMENT", `slot must be "userAuth" or "signing"`);
}

/** DER `30 82 LL LL …` of exactly 4 + LLLL bytes: the form readers size the EF from (card-jpki.c). */
function parseCertificate(der: unknown, what: string): X509Certificate {
  const ok =
    der instanceof Uint8Array && der.length >= 4 && der[0] === 0x30 && der[1] === 0x82 && der.length === 4 + ((der[2]! << 8) | der[3]!);
  if (!ok) throw new CardError("CERTIFICATE_MALFORMED", `${what} is not DER of the form 30 82 LL LL`);
  try {
    return new X509Certificate(Buffer.from(der));
  } catch (cause) {
    throw new CardError("CERTIFICATE_MALFORMED", `${what} is not an X.509 certificate`, { cause });
  }
}

export class CardIssuer {
  readonly #card: CardInternals;

  constructor(card: VirtualCard) {
    this.#card = internalsOf(card);
  }

  #slot(slot: Slot): SlotMemory {
    return this.#card.memory.slots[slot];
  }

  /**
   * Generates the slot's RSA-2048 key pair on the card and returns its SubjectPublicKeyInfo (DER). A new key
   * replaces the old one and clears the slot's certificates: they certified the old key.
   */
  async generateKeyPair(slot: Slot): Promise<Bytes> {
    checkSlot(slot);
    return this.#card.exclusive(async () => {
      const key = await generateCardKey();
      const memory = this.#slot(slot);
      memory.key = key;
      delete memory.certificate;
      delete memory.caCertificate;
      this.#card.applet.forgetVerification(slot);
      return key.spki.slice();
    });
  }

  /**
   * Proof of possession at issuance: signs a DigestInfo (of a PKCS#10 CertificationRequestInfo) with the
   * slot's key without a PIN, only while the slot has a key and no certificate yet. Afterwards the key signs
   * only through COMPUTE DIGITAL SIGNATURE with the PIN.
   */
  async signCertificationRequest(slot: Slot, digestInfo: Uint8Array): Promise<Bytes> {
    checkSlot(slot);
    return this.#card.exclusive(() => {
      const { key, certificate } = this.#slot(slot);
      if (!key) throw new CardError("NOT_PERSONALISED", `the ${slotLetter(slot)} slot has no key`);
      if (certificate) {
        throw new CardError("CERTIFICATE_ALREADY_WRITTEN", `the ${slotLetter(slot)} certificate is written; sign with the PIN`);
      }
      if (!(digestInfo instanceof Uint8Array)) throw new CardError("INVALID_ARGUMENT", "digestInfo must be bytes");
      return signDigestInfo(key, digestInfo);
    });
  }

  /**
   * Writes the slot's certificate and its CA certificate (EF 000A/000B for R, 0001/0002 for S). The
   * certificate must certify the slot's key and be signed by the CA certificate.
   */
  async writeCertificates(slot: Slot, certificates: SlotCertificates): Promise<void> {
    checkSlot(slot);
    return this.#card.exclusive(() => {
      const certificate = parseCertificate(certificates?.certificate, "certificate");
      const ca = parseCertificate(certificates.caCertificate, "caCertificate");
      const memory = this.#slot(slot);
      if (!memory.key) throw new CardError("NOT_PERSONALISED", `the ${slotLetter(slot)} slot has no key to certify`);
      const certified = new Uint8Array(certificate.publicKey.export({ type: "spki", format: "der" }));
      if (!bytesEqual(certified, memory.key.spki)) {
        throw new CardError("CERTIFICATE_KEY_MISMATCH", `the certificate is not for the card's ${slotLetter(slot)} key`);
      }
      if (!certificate.checkIssued(ca) || !certificate.verify(ca.publicKey)) {
        throw new CardError("CA_CERTIFICATE_MISMATCH", "the certificate was not issued by caCertificate");
      }
      memory.certificate = certificates.certificate.slice();
      memory.caCertificate = certificates.caCertificate.slice();
    });
  }

  /** Sets the slot's PIN (rules: R 4 digits, S 6–16 of 0-9 A-Z) with the counter at its maximum. */
  async setPin(slot: Slot, pin: string): Promise<void> {
    checkSlot(slot);
    assertPinFormat(slot, pin);
    return this.#card.exclusive(async () => {
      this.#slot(slot).pin = await createPinRecord(slot, pinBytes(pin));
      this.#card.applet.forgetVerification(slot);
    });
  }

  /** Unblocking at the counter (JPKI.md: a blocked PIN is reset only there): a new PIN, counter at its maximum. */
  async resetPin(slot: Slot, newPin: string): Promise<void> {
    checkSlot(slot);
    assertPinFormat(slot, newPin);
    return this.#card.exclusive(async () => {
      if (!this.#slot(slot).pin) throw new CardError("NOT_PERSONALISED", `the ${slotLetter(slot)} PIN was never set`);
      this.#slot(slot).pin = await createPinRecord(slot, pinBytes(newPin));
      this.#card.applet.forgetVerification(slot);
    });
  }

  /**
   * Removes the slot's key and certificates (an S certificate revoked and not reissued, say). The PIN stays,
   * so an empty VERIFY still answers `63 Cx` as OpenSC expects of both PINs.
   */
  async clearSlot(slot: Slot): Promise<void> {
    checkSlot(slot);
    return this.#card.exclusive(() => {
      const memory = this.#slot(slot);
      delete memory.key;
      delete memory.certificate;
      delete memory.caCertificate;
      this.#card.applet.forgetVerification(slot);
    });
  }

  /** DER SubjectPublicKeyInfo of the slot's key. */
  publicKeyOf(slot: Slot): Bytes {
    checkSlot(slot);
    const key = this.#slot(slot).key;
    if (!key) throw new CardError("NOT_PERSONALISED", `the ${slotLetter(slot)} slot has no key`);
    return key.spki.slice();
  }

  /** What the counter terminal shows: which slots are personalised and the PIN counters. */
  status(): CardStatus {
    const of = (slot: Slot): SlotStatus => {
      const memory = this.#slot(slot);
      const status: SlotStatus = {
        hasKey: memory.key !== undefined,
        hasCertificate: memory.certificate !== undefined,
        pinSet: memory.pin !== undefined,
        pinMaxTries: PIN_RULES[slot].maxTries,
      };
      if (memory.pin) status.pinTriesLeft = memory.pin.triesLeft;
      return status;
    };
    return { cardId: this.#card.memory.cardId, userAuth: of("userAuth"), signing: of("signing") };
  }
}
