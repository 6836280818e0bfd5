/** Request bodies of the APDU session API, validated at the boundary (zod); /openapi.json is built from them. */
import { z } from "zod";

/** A C-APDU in hex (pairs, spaces allowed): up to an extended-length APDU, so the card itself answers 67 00. */
export const transmitApduSchema = z.object({
  apdu: z
    .string()
    .max(140_000)
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^([0-9A-Fa-f]{2})+$/, "hex bytes").max(2 * 65_544)),
});
