/**
 * Persists the CA and responder keys and certificates as PEM files under <dataDir>/keys: private keys are
 * written with mode 0600, or encrypted (PKCS#8, PBES2 with AES-256-CBC, readable by openssl) when a
 * passphrase is configured. Created on first start; loaded on every later one.
 */
import { createPrivateKey } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  exportPrivateKeyPem,
  loadCertificationAuthority,
  loadOcspResponder,
  type CertificateKind,
} from "@jpki-sandbox/jpki-core";
import { CERTIFICATE_KINDS, createAuthorities, type Authorities } from "../domain/authorities.js";

interface KeyFile {
  certificate: string;
  privateKey: string;
}

/** File names, e.g. s-ca.pem / s-ca.key.pem / s-ocsp.pem / s-ocsp.key.pem. */
export function keyFilePaths(dir: string, kind: CertificateKind, role: "ca" | "ocsp"): KeyFile {
  const base = path.join(dir, `${kind.toLowerCase()}-${role}`);
  return { certificate: `${base}.pem`, privateKey: `${base}.key.pem` };
}

function encryptPem(pem: string, passphrase: string | undefined): string {
  if (passphrase === undefined) return pem;
  return createPrivateKey(pem)
    .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase })
    .toString();
}

function decryptPem(pem: string, passphrase: string | undefined, file: string): string {
  const encrypted = pem.includes("ENCRYPTED PRIVATE KEY");
  if (!encrypted) return pem;
  if (passphrase === undefined) throw new Error(`${file} is encrypted; set JPKI_JLIS_KEY_PASSPHRASE`);
  try {
    return createPrivateKey({ key: pem, format: "pem", passphrase }).export({ type: "pkcs8", format: "pem" }).toString();
  } catch (error) {
    throw new Error(`cannot decrypt ${file}: wrong JPKI_JLIS_KEY_PASSPHRASE?`, { cause: error });
  }
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync keeps an existing file's mode
}

export interface LoadedAuthorities {
  authorities: Authorities;
  created: boolean;
}

export async function loadOrCreateAuthorities(options: {
  dir: string | undefined;
  passphrase: string | undefined;
  now: Date;
}): Promise<LoadedAuthorities> {
  const { dir, passphrase } = options;
  if (dir === undefined) return { authorities: await createAuthorities(options.now), created: true };
  const files = CERTIFICATE_KINDS.flatMap((kind) => [keyFilePaths(dir, kind, "ca"), keyFilePaths(dir, kind, "ocsp")]);
  const present = files.filter((file) => existsSync(file.certificate) && existsSync(file.privateKey)).length;
  if (present === files.length) {
    const read = (file: string) => readFileSync(file, "utf8");
    const load = async (kind: CertificateKind) => {
      const ca = keyFilePaths(dir, kind, "ca");
      const ocsp = keyFilePaths(dir, kind, "ocsp");
      return {
        ca: await loadCertificationAuthority(read(ca.certificate), decryptPem(read(ca.privateKey), passphrase, ca.privateKey)),
        responder: await loadOcspResponder(read(ocsp.certificate), decryptPem(read(ocsp.privateKey), passphrase, ocsp.privateKey)),
      };
    };
    return { authorities: { S: await load("S"), R: await load("R") }, created: false };
  }
  if (present > 0) {
    throw new Error(`${dir} holds only some of the CA key files; restore them or remove the directory to start over`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const authorities = await createAuthorities(options.now);
  for (const kind of CERTIFICATE_KINDS) {
    const { ca, responder } = authorities[kind];
    for (const [role, holder] of [["ca", ca], ["ocsp", responder]] as const) {
      const file = keyFilePaths(dir, kind, role);
      writeFileSync(file.certificate, holder.certificate.toString("pem") + "\n");
      writeSecret(file.privateKey, encryptPem(await exportPrivateKeyPem(holder.privateKey), passphrase));
    }
  }
  return { authorities, created: true };
}
