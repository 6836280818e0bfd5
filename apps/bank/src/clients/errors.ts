/** How a call to another sandbox app fails, as the bank's errors: unreachable / 5xx → `unavailable`, 4xx → `refused`. */
import { ServiceProblemError, ServiceUnreachableError, ServiceBadResponseError } from "@jpki-sandbox/service-kit";
import type { BankErrorCode } from "../shared/api-types.js";
import { BankError } from "../domain/errors.js";

export async function mapServiceErrors<T>(work: () => Promise<T>, codes: { unavailable: BankErrorCode; refused: BankErrorCode }, refusedByCode: Partial<Record<string, BankErrorCode>> = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceUnreachableError || error instanceof ServiceBadResponseError) throw new BankError(codes.unavailable, error.message, { cause: error });
    if (error instanceof ServiceProblemError) {
      const remoteCode = typeof error.problem?.code === "string" ? error.problem.code : undefined;
      const code = (remoteCode ? refusedByCode[remoteCode] : undefined) ?? (error.status >= 500 ? codes.unavailable : codes.refused);
      throw new BankError(code, `${error.service}: ${error.message}`, { cause: error, details: { remoteCode, remoteStatus: error.status } });
    }
    throw error;
  }
}
