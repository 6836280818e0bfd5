/** Where the CLI writes; injected so tests can run commands in-process and read what they printed. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Ends a long-running command (card attach) as SIGINT would; tests pass one. */
  signal?: AbortSignal;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Exit codes: 0 success, 1 a finding (a lint finding; an OCSP answer other than good), 2 bad input, usage or
 * a failure (jlis or the portal unreachable or answering with a problem).
 */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** Stable codes of the CLI's own errors (tests assert these, not the messages). */
export const CLI_ERROR_CODES = [
  "BAD_INPUT",
  "CREDENTIALS_MALFORMED",
  "JLIS_UNREACHABLE",
  "JLIS_PROBLEM",
  "JLIS_BAD_RESPONSE",
  "PORTAL_UNREACHABLE",
  "PORTAL_PROBLEM",
  "PORTAL_BAD_RESPONSE",
] as const;
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/** Any error the CLI reports itself: printed as one line (the message), exit code 2. */
export class CliError extends Error {
  override readonly name: string = "CliError";
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** An error the user caused (missing file, bad persona, …). */
export class CliInputError extends CliError {
  override readonly name = "CliInputError";

  constructor(message: string, options?: { cause?: unknown }) {
    super("BAD_INPUT", message, options);
  }
}
