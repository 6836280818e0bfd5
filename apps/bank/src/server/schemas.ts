/** zod schemas for what the bank's API accepts (validation at the boundary, STYLE.md). */
import { z } from "zod";

/** ① The application form: the four attributes as typed. */
export const applicationSchema = z.object({
  name: z.string().trim().min(1, "enter your name").max(100),
  dateOfBirth: z.iso.date("YYYY-MM-DD"),
  sex: z.enum(["male", "female", "unspecified"]),
  address: z.string().trim().min(1, "enter your address").max(200),
});

export const emptySchema = z.object({}).strict();

/** What the portal puts on the return URL. */
export const callbackSchema = z.object({
  state: z.string().min(8).max(512),
  code: z.string().min(1).max(512).optional(),
  error: z.string().max(100).optional(),
});

export const idParam = z.uuid();
