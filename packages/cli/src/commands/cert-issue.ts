/** `jpki-sandbox cert issue --ca D --kind s|r --persona hanako|FILE.json --out O`. */
import {
  exportPrivateKeyPem,
  generateRsaKeyPair,
  issueSigningCertificate,
  issueUserAuthCertificate,
  toPem,
  type CertificateKind,
} from "@jpki-sandbox/jpki-core";
import { loadCaFromDirectory } from "../ca-directory.js";
import { assertWritable, ensureDirectory, writePrivateFile, writePublicFile } from "../files.js";
import { CliInputError, type CliIo } from "../io.js";
import { loadPersona } from "../persona.js";

export interface CertIssueOptions {
  ca: string;
  kind: string;
  persona: string;
  out: string;
  issuedAt?: string;
  ocspUrl?: string;
  force?: boolean;
}

export function parseKind(value: string): CertificateKind {
  const kind = value.toUpperCase();
  if (kind !== "S" && kind !== "R") throw new CliInputError(`--kind must be s or r, not "${value}"`);
  return kind;
}

function parseInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new CliInputError(`--issued-at is not a date: ${value}`);
  return instant;
}

export async function certIssue(options: CertIssueOptions, io: CliIo): Promise<void> {
  const kind = parseKind(options.kind);
  const persona = loadPersona(options.persona);
  const issuedAt = parseInstant(options.issuedAt);
  const ca = await loadCaFromDirectory(options.ca, kind);
  ensureDirectory(options.out);
  assertWritable(options.out, ["cert.pem", "key.pem"], options.force ?? false);
  const keys = await generateRsaKeyPair();
  const common = { ca, publicKey: keys.publicKey, persona, issuedAt, ocspUrl: options.ocspUrl };
  const { certificate } = kind === "S" ? await issueSigningCertificate(common) : await issueUserAuthCertificate(common);
  writePublicFile(options.out, "cert.pem", toPem(certificate.rawData, "CERTIFICATE"));
  writePrivateFile(options.out, "key.pem", await exportPrivateKeyPem(keys.privateKey));
  io.out(`issued ${kind} certificate for ${persona.id}: serial ${certificate.serialNumber.toLowerCase()}`);
  io.out(`  subject  ${certificate.subject}`);
  io.out(`  valid    ${certificate.notBefore.toISOString()} → ${certificate.notAfter.toISOString()}`);
  io.out(`wrote ${options.out}/cert.pem and ${options.out}/key.pem (0600) — TEST ONLY`);
}
