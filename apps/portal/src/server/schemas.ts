/** Request bodies of the portal's API, validated at the boundary (zod); /openapi.json is built from them. */
import { personaSchema } from "@jpki-sandbox/jpki-core";
import { z } from "zod";

/** PINs are checked against the card's rules in the domain (PIN_FORMAT); here only their shape. */
const pin = z.string().max(32);

export const issueCardSchema = z.object({
  persona: personaSchema,
  userAuthPin: pin,
  signingPin: pin.optional(),
});

export const addressChangeSchema = z.object({
  address: z.string().trim().min(1).max(200),
  prefecture: z.string().trim().min(1).max(10),
  city: z.string().trim().min(1).max(30),
  prefectureRomaji: z.string().regex(/^[A-Za-z][A-Za-z-]{0,30}$/),
  cityRomaji: z.string().regex(/^[A-Za-z][A-Za-z -]{0,40}$/),
  localGovernmentCode: z.string().regex(/^\d{6}$/),
  signingPin: pin.optional(),
});

export const nameChangeSchema = z.object({ name: z.string().trim().min(1).max(100), signingPin: pin.optional() });
export const renewalSchema = z.object({ userAuthPin: pin, signingPin: pin.optional() });
export const pinResetSchema = z.object({ pin: z.enum(["userAuth", "signing"]), newPin: pin });
export const approveSchema = z.object({ cardId: z.string().min(1).max(100), pin });

const base64 = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64")
    .max(Math.ceil(max / 3) * 4);
const common = {
  displayText: z.string().trim().min(1).max(500),
  returnUrl: z.url().max(2_000),
  state: z.string().min(8, "at least 8 characters of unguessable state").max(500),
};

/** 1 MiB of document: applications and contracts, not archives. */
export const MAX_DOCUMENT_BYTES = 1_048_576;

export const signingRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("sign"),
    document: base64(MAX_DOCUMENT_BYTES).min(1),
    documentContentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/).max(200).optional(),
    ...common,
  }),
  z.object({ kind: z.literal("auth"), challenge: base64(1024).min(1), ...common }),
]);

export const redeemSchema = z.object({ code: z.string().min(1).max(200), state: z.string().max(500) });

export const citizenSchema = z.object({
  persona: personaSchema,
  userAuthPin: pin.default("1234"),
  signingPin: pin.optional(),
});

export const bankClientSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  name: z.string().trim().min(1).max(200),
  returnOrigins: z.array(z.url()).min(1).max(20),
  secret: z.string().min(16).max(200).optional(),
});
