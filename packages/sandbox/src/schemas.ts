/**
 * What the sandbox apps answer, as zod schemas: the client checks every answer at the boundary, so a
 * mismatch between this package and an app is a BAD_RESPONSE naming the field, not an undefined later.
 * Shapes: apps/portal src/shared/api-types.ts, apps/jlis src/server/json.ts and the READMEs' API tables.
 * Objects are `loose` (extra members pass), so apps can grow without breaking clients.
 */
import { personaSchema } from "@jpki-sandbox/jpki-core";
import { z } from "zod";

// ---- portal ----

export const pinStateSchema = z.object({ triesLeft: z.number().int(), maxTries: z.number().int(), blocked: z.boolean() }).loose();

export const certificateViewSchema = z
  .object({
    kind: z.enum(["S", "R"]),
    serialNumber: z.string().min(1),
    notBefore: z.string(),
    notAfter: z.string(),
    pem: z.string().min(1),
  })
  .loose();

export const cardStatusSchema = z.enum(["active", "renewed", "lost", "holderDeceased", "expired"]);

export const cardViewSchema = z
  .object({
    id: z.string().min(1),
    residentId: z.string().min(1),
    holderName: z.string(),
    status: cardStatusSchema,
    issuedAt: z.string(),
    expiresAt: z.string(),
    persona: personaSchema,
    pins: z.object({ userAuth: pinStateSchema, signing: pinStateSchema.nullable() }),
    successorCardId: z.string().nullable().optional(),
    certificates: z.object({ userAuth: certificateViewSchema.nullable(), signing: certificateViewSchema.nullable() }),
  })
  .loose();
export type CardViewJson = z.infer<typeof cardViewSchema>;

export const cardAnswerSchema = z.object({ card: cardViewSchema });

/** POST /api/v1/counter/citizens (operator). */
export const issuedCitizenSchema = z
  .object({
    residentId: z.string().min(1),
    cardId: z.string().min(1),
    sSerial: z.string().nullable(),
    rSerial: z.string().min(1),
    expiresAt: z.string(),
  })
  .loose();

export const randomPersonaSchema = z.object({ persona: personaSchema });

export const redirectSchema = z.object({ redirectTo: z.string().min(1) });

export const approvalViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["sign", "auth"]),
    status: z.enum(["pending", "approved", "redeemed", "cancelled", "expired"]),
    client: z.object({ id: z.string(), name: z.string() }).loose(),
    displayText: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    document: z.object({ contentType: z.string(), size: z.number(), sha256: z.string(), text: z.string().nullable() }).loose().nullable(),
    challenge: z.string().nullable(),
    cards: z.array(z.object({ id: z.string(), holderName: z.string(), status: cardStatusSchema }).loose()),
  })
  .loose();
export type ApprovalView = z.infer<typeof approvalViewSchema>;

export const SIGNING_RESULT_CHAOS = ["off", "tamper"] as const;
export const portalChaosSchema = z.object({ signingResult: z.enum(SIGNING_RESULT_CHAOS) }).loose();

// ---- jlis ----

export const clockSchema = z.object({ now: z.iso.datetime({ offset: true }), offsetMs: z.number() }).loose();

export const OCSP_CHAOS_MODES = ["off", "tryLater", "unknown", "stale"] as const;
export const LINKAGE_CHAOS_MODES = ["off", "unavailable"] as const;
export const jlisChaosSchema = z.object({
  ocsp: z.object({ mode: z.enum(OCSP_CHAOS_MODES), delayMs: z.number().int() }),
  linkage: z.object({ mode: z.enum(LINKAGE_CHAOS_MODES), delayMs: z.number().int() }),
});
export type JlisChaosJson = z.infer<typeof jlisChaosSchema>;

export const REVOCATION_REASONS = ["keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation"] as const;

export const certificateRecordSchema = z
  .object({
    serialNumber: z.string().min(1),
    kind: z.enum(["S", "R"]),
    status: z.enum(["good", "revoked", "expired"]),
    subject: z.string().optional(),
    notBefore: z.string(),
    notAfter: z.string(),
    revokedAt: z.string().optional(),
    revocationReason: z.string().optional(),
    residentId: z.string().optional(),
    cardId: z.string().nullable().optional(),
    predecessorSerialNumber: z.string().optional(),
    pem: z.string().min(1),
  })
  .loose();
export type CertificateRecordJson = z.infer<typeof certificateRecordSchema>;

export const certificateListSchema = z.object({ certificates: z.array(certificateRecordSchema) });
