/**
 * jpki-sandbox — offline CA and certificate tools for the JPKI Sandbox. Later issues add commands that talk
 * to the running apps. Every error the user can cause is one line on stderr and a non-zero exit.
 */
import { isJpkiError } from "@jpki-sandbox/jpki-core";
import { Command, CommanderError } from "commander";
import { caInit } from "./commands/ca-init.js";
import { certIssue } from "./commands/cert-issue.js";
import { certLint } from "./commands/cert-lint.js";
import { certShow } from "./commands/cert-show.js";
import { CliInputError, EXIT, processIo, type CliIo } from "./io.js";

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("jpki-sandbox")
    .description("JPKI Sandbox tools — synthetic My Number Card PKI, TEST ONLY")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const ca = program.command("ca").description("sandbox certification authorities");
  ca.command("init")
    .description("create the S and R root CAs and their OCSP responders")
    .requiredOption("--dir <dir>", "directory to write s-ca.pem, r-ca.pem, keys and responder certificates to")
    .option("--organization <O>", "the O of every DN", "JPKI-SANDBOX")
    .option("--force", "replace existing files")
    .action((opts) => caInit(opts, io));

  const cert = program.command("cert").description("end-entity certificates");
  cert
    .command("issue")
    .description("generate a key pair and issue an S or R certificate for a persona")
    .requiredOption("--ca <dir>", "CA directory made by `ca init`")
    .requiredOption("--kind <s|r>", "s (signing, 署名用) or r (user authentication, 利用者証明用)")
    .requiredOption("--persona <id|file.json>", "built-in persona id (hanako) or a persona JSON file")
    .requiredOption("--out <dir>", "directory to write cert.pem and key.pem to")
    .option("--issued-at <iso-date>", "issuance time (default now)")
    .option("--ocsp-url <url>", "OCSP URL for authorityInfoAccess")
    .option("--force", "replace existing files")
    .action((opts) => certIssue(opts, io));
  cert
    .command("show <file>")
    .description("print a certificate (PEM or DER) with its four attributes decoded")
    .option("--json", "machine-readable output")
    .action((file, opts) => certShow(file, opts, io));
  cert
    .command("lint <file>")
    .description("check a certificate against the JPKI profile (exit 0 clean, 1 findings, 2 unreadable)")
    .option("--json", "machine-readable output")
    .action(async (file, opts) => setExit(await certLint(file, opts, io)));
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests can run it in-process). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput; // commander already printed the message
    }
    io.err(`jpki-sandbox: ${describeError(error)}`);
    return EXIT.badInput;
  }
}

function describeError(error: unknown): string {
  if (error instanceof CliInputError) return error.message;
  if (isJpkiError(error)) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}
