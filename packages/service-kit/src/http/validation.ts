import type { z } from "zod";
import { ServiceError } from "../errors.js";

/** Validates request input at the boundary; failures are VALIDATION_FAILED (400) with zod's issues listed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = "body"): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [where, ...issue.path].join("."), message: issue.message }));
  throw new ServiceError("VALIDATION_FAILED", 400, issues.map((i) => `${i.path}: ${i.message}`).join("; "), { details: { issues } });
}
