/** Where the CLI writes; injected so tests can run commands in-process and read what they printed. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 success, 1 a lint found something, 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** An error the user caused (missing file, bad persona, …): printed as one line, exit code 2. */
export class CliInputError extends Error {
  override readonly name = "CliInputError";
}
