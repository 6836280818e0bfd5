/**
 * The municipal counter's business at J-LIS (市区町村窓口): register residents, issue cards, and the life
 * events of JPKI.md — move or change of name (new S, old S revoked affiliationChanged, R untouched),
 * renewal (both superseded), loss (both keyCompromise), death (all cessationOfOperation).
 */
import { randomUUID } from "node:crypto";
import {
  cardExpiry,
  isEligibleForSigningCertificate,
  issueSigningCertificate,
  issueUserAuthCertificate,
  japanDateOf,
  parsePersona,
  type Persona,
} from "@jpki-sandbox/jpki-core";
import type { Authorities } from "../authorities.js";
import type { Clock } from "../clock.js";
import { JlisError } from "../errors.js";
import type { JlisStore } from "../ports.js";
import type { Card, CertificateRecord, Resident, ResidentAddress } from "../records.js";
import type { RevocationService } from "../revocation.js";
import { sameKey, verifyPossession, type PossessedKey } from "./proof-of-possession.js";
import { recordOf } from "./certificate-record.js";

/** The sandbox has one counter window per municipality (JPKI.md: counter identifier = code + 3 digits). */
export const COUNTER_NUMBER = 1;

export type ResidentInput = Omit<Persona, "id" | "requestSigningCertificate">;

export interface CardRequest {
  userAuthCsr: string;
  signingCsr?: string;
  /** Under-15s get an S only on request (JPKI.md). */
  requestSigningCertificate?: boolean;
}

export interface IssuedCard {
  card: Card;
  userAuthCertificate: CertificateRecord;
  signingCertificate?: CertificateRecord;
}

export interface SigningCertificateChange {
  revoked: CertificateRecord[];
  signingCertificate?: CertificateRecord;
}

export interface CounterServiceOptions {
  store: JlisStore;
  clock: Clock;
  authorities: Authorities;
  revocation: RevocationService;
  /** Base URL of jlis as certificates name it (AIA OCSP, CRL URL). */
  publicUrl: () => string;
}

export function createCounterService(options: CounterServiceOptions) {
  const { store, clock, authorities, revocation } = options;

  function personaOf(resident: Resident, requestSigningCertificate?: boolean): Persona {
    const { id, name, sex, dateOfBirth, address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode } = resident;
    return { id, name, sex, dateOfBirth, address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode, requestSigningCertificate };
  }

  async function requireResident(residentId: string): Promise<Resident> {
    const resident = await store.residents.get(residentId);
    if (!resident) throw new JlisError("RESIDENT_NOT_FOUND", `no resident ${residentId}`);
    if (resident.deceasedAt) throw new JlisError("RESIDENT_DECEASED", `resident ${residentId} is recorded as deceased`);
    return resident;
  }

  async function requireActiveCard(cardId: string): Promise<{ card: Card; resident: Resident }> {
    const card = await store.cards.get(cardId);
    if (!card) throw new JlisError("CARD_NOT_FOUND", `no card ${cardId}`);
    if (card.status !== "active" || card.expiresAt.getTime() < clock.now().getTime()) {
      throw new JlisError("CARD_NOT_ACTIVE", `card ${cardId} is no longer active (${card.status === "active" ? "expired" : card.status})`);
    }
    return { card, resident: await requireResident(card.residentId) };
  }

  const urls = (kind: "s" | "r", resident: ResidentAddress) => ({
    ocspUrl: `${options.publicUrl()}/ocsp/${kind}`,
    crlUrl: `${options.publicUrl()}/crl/${kind}/${resident.prefectureRomaji}/${resident.cityRomaji}.crl`,
  });

  async function issueSigning(resident: Resident, card: Card, key: PossessedKey, counterId: string, predecessorSerial: string | null) {
    const now = clock.now();
    const requestSequence = await store.sequences.next(counterId, japanDateOf(now));
    const issued = await issueSigningCertificate({
      ca: authorities.S.ca,
      publicKey: key.publicKey,
      persona: personaOf(resident, true),
      issuedAt: now,
      cardExpiresAt: card.expiresAt,
      counterNumber: COUNTER_NUMBER,
      requestSequence,
      ...urls("s", resident),
    });
    const record = recordOf(issued.certificate, { card, resident, issuedAt: now, predecessorSerial });
    await store.certificates.insert(record);
    return record;
  }

  async function issueUserAuth(resident: Resident, card: Card, key: PossessedKey) {
    const now = clock.now();
    const issued = await issueUserAuthCertificate({
      ca: authorities.R.ca,
      publicKey: key.publicKey,
      persona: personaOf(resident),
      issuedAt: now,
      cardExpiresAt: card.expiresAt,
      ...urls("r", resident),
    });
    const record = recordOf(issued.certificate, { card, resident, issuedAt: now, predecessorSerial: null });
    await store.certificates.insert(record);
    return record;
  }

  /** Keys, card and certificates for a new card; `predecessor` links the new S to the old card's S. */
  async function issueNewCard(resident: Resident, request: CardRequest, counterId: string, predecessorSerial: string | null): Promise<IssuedCard> {
    const now = clock.now();
    const userAuthKey = await verifyPossession(request.userAuthCsr, "userAuthCsr");
    const wantsSigning = request.signingCsr !== undefined;
    if (wantsSigning && !isEligibleForSigningCertificate(resident.dateOfBirth, now, request.requestSigningCertificate)) {
      throw new JlisError(
        "SIGNING_CERTIFICATE_NOT_ELIGIBLE",
        "the holder is under 15: a signing certificate is issued only on request (requestSigningCertificate: true)",
      );
    }
    const signingKey = wantsSigning ? await verifyPossession(request.signingCsr as string, "signingCsr") : undefined;
    if (signingKey && sameKey(signingKey, userAuthKey)) {
      throw new JlisError("KEY_REUSED", "the signing and user-authentication keys must be different key pairs");
    }
    const card: Card = {
      id: randomUUID(),
      residentId: resident.id,
      counterId,
      issuedAt: now,
      expiresAt: cardExpiry(resident.dateOfBirth, now),
      status: "active",
      endedAt: null,
    };
    await store.cards.create(card);
    const userAuthCertificate = await issueUserAuth(resident, card, userAuthKey);
    const signingCertificate = signingKey ? await issueSigning(resident, card, signingKey, counterId, predecessorSerial) : undefined;
    return { card, userAuthCertificate, ...(signingCertificate ? { signingCertificate } : {}) };
  }

  async function liveCertificatesOf(card: Card, kind?: "S" | "R") {
    return (await store.certificates.list({ cardId: card.id, kind, revoked: false })).filter(
      (certificate) => certificate.notAfter.getTime() >= clock.now().getTime(),
    );
  }

  /** Change of an attribute on an active card: revoke its S (affiliationChanged), issue a new S on the card's new key. */
  async function replaceSigningCertificate(cardId: string, signingCsr: string | undefined, counterId: string, update: (resident: Resident) => Promise<Resident>): Promise<SigningCertificateChange> {
    const { card, resident } = await requireActiveCard(cardId);
    const current = await liveCertificatesOf(card, "S");
    const key = signingCsr === undefined ? undefined : await verifyPossession(signingCsr, "signingCsr");
    if (current.length > 0 && !key) {
      throw new JlisError("VALIDATION_FAILED", "signingCsr is required: the card's signing certificate is replaced with a new key");
    }
    const updated = await update(resident);
    const revoked = await revocation.revokeAll(current, "affiliationChanged");
    if (!key) return { revoked };
    const signingCertificate = await issueSigning(updated, card, key, counterId, current[0]?.serialNumber ?? null);
    return { revoked, signingCertificate };
  }

  return {
    async registerResident(input: ResidentInput): Promise<Resident> {
      const now = clock.now();
      // jpki-core's persona rules (attribute lengths, characters) decide what may be registered.
      const { requestSigningCertificate: _ignored, ...persona } = parsePersona({ ...input, id: randomUUID() });
      void _ignored;
      const resident: Resident = { ...persona, deceasedAt: null, createdAt: now, updatedAt: now };
      await store.residents.create(resident);
      return resident;
    },

    async issueCard(residentId: string, request: CardRequest, counterId: string): Promise<IssuedCard> {
      const resident = await requireResident(residentId);
      const active = (await store.cards.ofResident(residentId)).find(
        (card) => card.status === "active" && card.expiresAt.getTime() >= clock.now().getTime(),
      );
      if (active) {
        throw new JlisError("RESIDENT_HAS_ACTIVE_CARD", `resident ${residentId} already holds active card ${active.id}; use renewal`, {
          details: { cardId: active.id },
        });
      }
      return issueNewCard(resident, request, counterId, null);
    },

    changeAddress(cardId: string, address: ResidentAddress, signingCsr: string | undefined, counterId: string) {
      return replaceSigningCertificate(cardId, signingCsr, counterId, async (resident) => {
        parsePersona({ ...personaOf(resident), ...address });
        await store.residents.updateAddress(resident.id, address, clock.now());
        return { ...resident, ...address };
      });
    },

    changeName(cardId: string, name: string, signingCsr: string | undefined, counterId: string) {
      return replaceSigningCertificate(cardId, signingCsr, counterId, async (resident) => {
        parsePersona({ ...personaOf(resident), name });
        await store.residents.updateName(resident.id, name, clock.now());
        return { ...resident, name };
      });
    },

    /** 更新: a new card with new keys; the old card's S and R are revoked superseded; old S → new S recorded. */
    async renew(cardId: string, request: CardRequest, counterId: string): Promise<IssuedCard & { revoked: CertificateRecord[] }> {
      const card = await store.cards.get(cardId);
      if (!card) throw new JlisError("CARD_NOT_FOUND", `no card ${cardId}`);
      if (card.status !== "active") throw new JlisError("CARD_NOT_ACTIVE", `card ${cardId} is ${card.status}`);
      const resident = await requireResident(card.residentId);
      const previousSigning = (await store.certificates.list({ cardId, kind: "S" }))[0];
      const issued = await issueNewCard(resident, request, counterId, previousSigning?.serialNumber ?? null);
      await store.cards.end(cardId, "renewed", clock.now());
      const revoked = await revocation.revokeAll(await store.certificates.list({ cardId, revoked: false }), "superseded");
      return { ...issued, revoked };
    },

    /** 紛失: both certificates keyCompromise; the card is dead. */
    async reportLoss(cardId: string): Promise<CertificateRecord[]> {
      const card = await store.cards.get(cardId);
      if (!card) throw new JlisError("CARD_NOT_FOUND", `no card ${cardId}`);
      if (!(await store.cards.end(cardId, "lost", clock.now()))) {
        throw new JlisError("CARD_NOT_ACTIVE", `card ${cardId} is ${card.status}`);
      }
      return revocation.revokeAll(await store.certificates.list({ cardId, revoked: false }), "keyCompromise");
    },

    /** 死亡: every certificate cessationOfOperation, every card ended. */
    async reportDeath(residentId: string): Promise<CertificateRecord[]> {
      await requireResident(residentId);
      const now = clock.now();
      await store.residents.markDeceased(residentId, now);
      for (const card of await store.cards.ofResident(residentId)) {
        if (card.status === "active") await store.cards.end(card.id, "holderDeceased", now);
      }
      return revocation.revokeAll(await store.certificates.list({ residentId, revoked: false }), "cessationOfOperation");
    },
  };
}

export type CounterService = ReturnType<typeof createCounterService>;
