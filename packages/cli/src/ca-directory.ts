/**
 * The file layout of a CA directory made by `jpki-sandbox ca init`:
 * `s-ca.pem` `s-ca.key.pem` `s-ocsp.pem` `s-ocsp.key.pem` and the same with `r-`.
 */
import { join } from "node:path";
import { loadCertificationAuthority, type CertificateKind, type CertificationAuthority } from "@jpki-sandbox/jpki-core";
import { readInputFile } from "./files.js";
import { CliInputError } from "./io.js";

export function caFileNames(kind: CertificateKind) {
  const prefix = kind.toLowerCase();
  return {
    certificate: `${prefix}-ca.pem`,
    privateKey: `${prefix}-ca.key.pem`,
    responderCertificate: `${prefix}-ocsp.pem`,
    responderPrivateKey: `${prefix}-ocsp.key.pem`,
  };
}

export async function loadCaFromDirectory(dir: string, kind: CertificateKind): Promise<CertificationAuthority> {
  const names = caFileNames(kind);
  const certificate = readInputFile(join(dir, names.certificate), `${kind} CA certificate`);
  const key = readInputFile(join(dir, names.privateKey), `${kind} CA private key`);
  const ca = await loadCertificationAuthority(certificate, key);
  if (ca.kind !== kind) throw new CliInputError(`${join(dir, names.certificate)} is not the ${kind} CA`);
  return ca;
}
