/**
 * The base of every app's typed errors: a stable code (the app narrows `Code` to its closed union), the HTTP
 * status it maps to, optional details for the problem document, and a cause. problemFromError turns any
 * ServiceError into an RFC 9457 problem; tests assert the code, never the message.
 */
export class ServiceError<Code extends string = string> extends Error {
  override readonly name: string = "ServiceError";
  readonly code: Code;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: Code, status: number, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.details = options?.details;
  }
}

export function isServiceError(value: unknown, code?: string): value is ServiceError {
  return value instanceof ServiceError && (code === undefined || value.code === code);
}
