/**
 * POST /api/walkthrough/decode: a journey's DER message in words, for the walkthrough and journey pages. The
 * decoding is web-kit's (jpki-core's parsers), run here because jpki-core does not load in a browser bundle
 * yet. Stateless and read-only; whatever the bytes, the answer is 200 with `result.ok` saying whether they
 * decoded — only a request that is not one (no such media type, not base64, too big) is a problem.
 */
import { decodeDer, derKindOf, type DecodedDer } from "@jpki-sandbox/web-kit/decoders";
import { z } from "zod";
import type { DecodeMessageInput } from "../../shared/api-types.js";

/** The journeys' messages are a few KiB; the JSON body limit (64 KiB) bounds this anyway. */
const MAX_BASE64 = 60_000;

export const decodeMessageSchema = z.object({
  contentType: z
    .string()
    .max(100)
    .refine((type) => derKindOf(type) !== undefined, "not a media type the decoders know (CMS, OCSP request/response, certificate)"),
  der: z
    .string()
    .max(MAX_BASE64)
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, "base64"),
}) satisfies z.ZodType<DecodeMessageInput>;

export function decodeMessage(input: DecodeMessageInput): DecodedDer {
  const der = new Uint8Array(Buffer.from(input.der, "base64"));
  return decodeDer(derKindOf(input.contentType)!, der);
}
