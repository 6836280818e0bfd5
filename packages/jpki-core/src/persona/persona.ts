/**
 * A synthetic resident (JPKI.md "Personas"). Never a real person's data: the sandbox ships only made-up ones.
 */
import { z } from "zod";
import { isValidIsoDate } from "../attributes/date-of-birth.js";
import { MAX_ADDRESS_LENGTH, type ResidentAttributes } from "../attributes/four-attributes.js";
import { JpkiError } from "../errors.js";

export const personaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and hyphens"),
  name: z
    .string()
    .regex(/^[^\u3000\s]+\u3000[^\u3000\s]+$/, "family name, a full-width space (U+3000), given name"),
  sex: z.enum(["male", "female", "unspecified"]),
  dateOfBirth: z.string().refine(isValidIsoDate, "a date as YYYY-MM-DD"),
  address: z
    .string()
    .min(1)
    .refine((a) => [...a].length <= MAX_ADDRESS_LENGTH, `at most ${MAX_ADDRESS_LENGTH} characters`),
  prefecture: z.string().min(1),
  city: z.string().min(1),
  prefectureRomaji: z.string().regex(/^[A-Za-z][A-Za-z-]*$/, "romanised, e.g. Tokyo-to"),
  cityRomaji: z.string().regex(/^[A-Za-z][A-Za-z -]*$/, "romanised, e.g. Chiyoda-ku"),
  localGovernmentCode: z.string().regex(/^\d{6}$/, "6 digits"),
  requestSigningCertificate: z.boolean().optional(),
});

export type Persona = z.infer<typeof personaSchema>;

/** Validates untrusted persona JSON; the error lists every field that is wrong. */
export function parsePersona(input: unknown): Persona {
  const result = personaSchema.safeParse(input);
  if (result.success) {
    const persona = result.data;
    // The address runs from the prefecture on (JPKI.md "address").
    if (!persona.address.startsWith(persona.prefecture)) {
      throw new JpkiError("PERSONA_INVALID", "persona: address must start with the prefecture");
    }
    return persona;
  }
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new JpkiError("PERSONA_INVALID", `persona: ${problems.join("; ")}`, { cause: result.error });
}

export function residentAttributesOf(persona: Persona): ResidentAttributes {
  return { name: persona.name, dateOfBirth: persona.dateOfBirth, sex: persona.sex, address: persona.address };
}

/** The seed's persona, fixed so that every part of the sandbox and every test agrees on her (JPKI.md). */
export const HANAKO: Persona = Object.freeze({
  id: "hanako",
  name: "総務\u3000花子",
  sex: "female",
  dateOfBirth: "2010-03-31",
  address: "東京都千代田区霞が関二丁目１番２号",
  prefecture: "東京都",
  city: "千代田区",
  prefectureRomaji: "Tokyo-to",
  cityRomaji: "Chiyoda-ku",
  localGovernmentCode: "131016",
}) as Persona;

export const BUILT_IN_PERSONAS: Readonly<Record<string, Persona>> = Object.freeze({ hanako: HANAKO });
