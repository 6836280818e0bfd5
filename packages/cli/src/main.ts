/**
 * jpki-sandbox — offline CA and certificate tools for the JPKI Sandbox, and commands that talk to a running
 * sandbox: the citizen portal (citizen) and jlis (revoke, ocsp, clock). Every error the user can cause is one
 * line on stderr and a non-zero exit.
 */
import { isJpkiError, REVOCATION_REASONS } from "@jpki-sandbox/jpki-core";
import { Command, CommanderError, Option } from "commander";
import { caInit } from "./commands/ca-init.js";
import { cardAttach } from "./commands/card-attach.js";
import { certIssue } from "./commands/cert-issue.js";
import { certLint } from "./commands/cert-lint.js";
import { certShow } from "./commands/cert-show.js";
import { citizenCreate, DEFAULT_SIGNING_PIN, DEFAULT_USER_AUTH_PIN } from "./commands/citizen-create.js";
import { clockAdvance, clockReset, clockShow } from "./commands/clock.js";
import { ocsp } from "./commands/ocsp.js";
import { revoke } from "./commands/revoke.js";
import { DEFAULT_JLIS_URL, DEFAULT_PORTAL_URL, readCliEnv, type CliEnv, type EnvSource } from "./env.js";
import { CliError, EXIT, processIo, type CliIo } from "./io.js";

const JLIS_OPTION_HELP = `base URL of jlis (default $JPKI_JLIS_URL or ${DEFAULT_JLIS_URL})`;
const ADMIN_OPTION_HELP = "jlis admin password (default $JPKI_JLIS_ADMIN_PASSWORD, jlis's dev-credentials.json, then sandbox-admin)";

function buildProgram(io: CliIo, env: CliEnv, setExit: (code: number) => void): Command {
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
  addServiceCommands(program, io, env, setExit);
  return program;
}

/** Commands that talk to a running sandbox: the portal's operator API (citizen), jlis's API (apps/jlis README "HTTP API"). */
function addServiceCommands(program: Command, io: CliIo, env: CliEnv, setExit: (code: number) => void): void {
  const citizen = program.command("citizen").description("residents and their cards, as the municipal counter (市区町村窓口)");
  citizen
    .command("create")
    .description(
      "register a resident and issue a virtual My Number Card at the citizen portal: the card makes its keys, jlis " +
        "certifies them; the private keys never leave the card, so nothing is written here — use the card at walletUrl",
    )
    .requiredOption("--persona <id|file.json>", "built-in persona id (hanako) or a persona JSON file")
    .option("--json", "machine-readable output: { residentId, cardId, sSerial, rSerial, sCertificate, rCertificate, walletUrl }")
    .option("--under15-signing", "an under-15 holder asks for a signing certificate too (sets the persona's requestSigningCertificate)")
    .option("--user-auth-pin <pin>", `R PIN (利用者証明用パスワード), exactly 4 digits (default ${DEFAULT_USER_AUTH_PIN}, a sandbox test PIN)`)
    .option("--signing-pin <pin>", `S PIN (署名用パスワード), 6–16 digits or upper-case letters A–Z (default ${DEFAULT_SIGNING_PIN}, a sandbox test PIN)`)
    .option("--portal <url>", `base URL of the citizen portal (default $JPKI_PORTAL_URL or ${DEFAULT_PORTAL_URL})`)
    .option("--portal-password <password>", "portal admin password (default $JPKI_PORTAL_ADMIN_PASSWORD, the portal's dev-credentials.json, then sandbox-admin)")
    .action((opts) => citizenCreate(opts, io, env));

  const card = program.command("card").description("virtual cards in a PC/SC reader (vsmartcard's vpcd in pcscd), for OpenSC and PKCS#11");
  card
    .command("attach")
    .description(
      "put a card into vpcd's virtual reader until Ctrl-C: a card of the portal's wallet (--card, its counters and APDU log " +
        "stay visible there) or an ephemeral one for 花子 (--ephemeral); then opensc-tool, pkcs15-tool and pkcs11-tool use it",
    )
    .option("--card <id>", "a card of the portal's wallet (the cardId citizen create prints)")
    .option("--ephemeral", "a throwaway card for 花子 made in this process with fresh sandbox CAs")
    .option("--vpcd <host:port>", "vpcd's address (default 127.0.0.1:35963, its first reader)")
    .option("--no-quickack", "do not set TCP_QUICKACK (each APDU then waits ~40 ms for Debian's vpcd)")
    .option("--log-level <level>", "debug (every APDU, PINs masked), info, warn, error or silent", "info")
    .option("--portal <url>", `base URL of the citizen portal (default $JPKI_PORTAL_URL or ${DEFAULT_PORTAL_URL})`)
    .option("--portal-password <password>", "portal admin password (default $JPKI_PORTAL_ADMIN_PASSWORD, the portal's dev-credentials.json, then sandbox-admin)")
    .option("--user-auth-pin <pin>", `--ephemeral: R PIN, 4 digits (default ${DEFAULT_USER_AUTH_PIN})`)
    .option("--signing-pin <pin>", `--ephemeral: S PIN, 6–16 of 0-9 A-Z (default ${DEFAULT_SIGNING_PIN})`)
    .option("--ca-out <dir>", "--ephemeral: write the card's CA certificates there (s-ca.pem, r-ca.pem)")
    .action((opts) => cardAttach(opts, io, env));

  program
    .command("revoke <serial>")
    .description("revoke a certificate through jlis's admin API (hex serial)")
    .addOption(new Option("--reason <reason>", "RFC 5280 reason JPKI uses").choices(REVOCATION_REASONS).makeOptionMandatory())
    .option("--json", "machine-readable output")
    .option("--jlis <url>", JLIS_OPTION_HELP)
    .option("--admin-password <password>", ADMIN_OPTION_HELP)
    .action((serial, opts) => revoke(serial, opts, io, env));

  program
    .command("ocsp <cert>")
    .description("ask the certificate's OCSP responder about it and verify the answer (exit 0 good, 1 revoked or unknown, 2 error)")
    .option("--ca <file>", "the issuing CA certificate, PEM or DER (default: fetched from jlis by the certificate's kind)")
    .option("--nonce", "send a random nonce and require it echoed (the default)")
    .option("--no-nonce", "send no nonce (the answer may then come from a cache)")
    .option("--json", "machine-readable output")
    .option("--jlis <url>", `${JLIS_OPTION_HELP}; when given, OCSP goes to <url>/ocsp/{s,r} instead of the certificate's AIA URL`)
    .action(async (cert, opts) => setExit(await ocsp(cert, opts, io, env)));

  const clock = program.command("clock").description("the sandbox clock jlis issues and answers by");
  clock
    .command("show")
    .description("print the sandbox time and its offset from real time")
    .option("--json", "machine-readable output")
    .option("--jlis <url>", JLIS_OPTION_HELP)
    .action((opts) => clockShow(opts, io, env));
  clock
    .command("advance <duration>")
    .description("move the sandbox clock forward by an ISO 8601 duration (P5Y, P30D, PT12H)")
    .option("--json", "machine-readable output")
    .option("--jlis <url>", JLIS_OPTION_HELP)
    .option("--admin-password <password>", ADMIN_OPTION_HELP)
    .action((duration, opts) => clockAdvance(duration, opts, io, env));
  clock
    .command("reset")
    .description("put the sandbox clock back to real time")
    .option("--json", "machine-readable output")
    .option("--jlis <url>", JLIS_OPTION_HELP)
    .option("--admin-password <password>", ADMIN_OPTION_HELP)
    .action((opts) => clockReset(opts, io, env));
}

/**
 * Runs the CLI and returns the exit code (never calls process.exit, so tests can run it in-process).
 * `env` defaults to the process environment; tests pass their own.
 */
export async function main(argv: readonly string[], io: CliIo = processIo, env?: EnvSource): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, readCliEnv(env), (code) => (exitCode = code));
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
  if (error instanceof CliError) return error.message;
  if (isJpkiError(error)) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}
