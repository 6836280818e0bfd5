/** `jpki-sandbox ca init --dir D`: the S and R roots and their OCSP responders, written as PEM files. */
import {
  createCertificationAuthority,
  createOcspResponder,
  exportPrivateKeyPem,
  toPem,
  type CertificateKind,
} from "@jpki-sandbox/jpki-core";
import { caFileNames } from "../ca-directory.js";
import { assertWritable, ensureDirectory, writePrivateFile, writePublicFile } from "../files.js";
import type { CliIo } from "../io.js";

export interface CaInitOptions {
  dir: string;
  organization?: string;
  force?: boolean;
}

export async function caInit(options: CaInitOptions, io: CliIo): Promise<void> {
  const kinds: CertificateKind[] = ["S", "R"];
  ensureDirectory(options.dir);
  assertWritable(options.dir, kinds.flatMap((k) => Object.values(caFileNames(k))), options.force ?? false);
  for (const kind of kinds) {
    const names = caFileNames(kind);
    const ca = await createCertificationAuthority({ kind, organization: options.organization });
    const responder = await createOcspResponder(ca);
    writePublicFile(options.dir, names.certificate, toPem(ca.certificate.rawData, "CERTIFICATE"));
    writePrivateFile(options.dir, names.privateKey, await exportPrivateKeyPem(ca.privateKey));
    writePublicFile(options.dir, names.responderCertificate, toPem(responder.certificate.rawData, "CERTIFICATE"));
    writePrivateFile(options.dir, names.responderPrivateKey, await exportPrivateKeyPem(responder.privateKey));
    io.out(`${kind} CA: ${ca.certificate.subject}`);
  }
  io.out(`wrote the S and R CAs and OCSP responders to ${options.dir} (keys 0600) — TEST ONLY`);
}
