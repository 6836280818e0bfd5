/**
 * `jpki-sandbox citizen create --persona hanako|FILE.json`: the municipal counter (市区町村窓口) registers a
 * resident with jlis and issues a card. The card is a "software card" for now: its two RSA-2048 key pairs
 * are generated here and saved to files (a virtual card that keeps them comes later). Each CSR is signed
 * with its own key through the card-style signer (proof of possession).
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  bytesEqual,
  createCertificationRequest,
  createSoftwareSigner,
  csrToPem,
  exportPrivateKeyPem,
  exportPublicKeyDer,
  generateRsaKeyPair,
  isEligibleForSigningCertificate,
  parseCertificate,
  type Persona,
} from "@jpki-sandbox/jpki-core";
import { resolveCounterCredential } from "../credentials.js";
import type { CliEnv } from "../env.js";
import { assertWritable, ensureDirectory, writePrivateFile, writePublicFile } from "../files.js";
import { JlisClient, resolveJlisUrl } from "../jlis-client.js";
import { JLIS_PATHS, type CertificateRecord, type IssuedCard, type Resident, type SandboxClockState } from "../jlis-api.js";
import { CliError, type CliIo } from "../io.js";
import { loadPersona } from "../persona.js";

export interface CitizenCreateOptions {
  persona: string;
  json?: boolean;
  keysDir?: string;
  under15Signing?: boolean;
  force?: boolean;
  jlis?: string;
  counterId?: string;
  counterSecret?: string;
}

/** The files of a software card, as later commands expect them. */
export const CARD_FILES = { sKey: "s.key.pem", sCertificate: "s.pem", rKey: "r.key.pem", rCertificate: "r.pem" } as const;

export interface CitizenCreated {
  residentId: string;
  cardId: string;
  sSerial: string | null;
  rSerial: string;
  sCertificate: string | null;
  rCertificate: string;
  keysDir: string;
}

/** Where a card's files go unless --keys-dir says: `<JPKI_DATA_DIR or .data>/cli-cards/<cardId>`. */
export function defaultKeysDir(env: CliEnv, cardId: string): string {
  return join(env.dataDir, "cli-cards", cardId);
}

/** The resident fields of POST /api/v1/residents: the persona without its id and issuance wish. */
export function residentInputOf(persona: Persona) {
  const { name, sex, dateOfBirth, address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode } = persona;
  return { name, sex, dateOfBirth, address, prefecture, city, prefectureRomaji, cityRomaji, localGovernmentCode };
}

async function softwareCardKey() {
  const keys = await generateRsaKeyPair();
  const csr = await createCertificationRequest({ publicKey: keys.publicKey, signer: await createSoftwareSigner(keys.privateKey) });
  return { keys, csrPem: csrToPem(csr) };
}

export async function citizenCreate(options: CitizenCreateOptions, io: CliIo, env: CliEnv): Promise<void> {
  // Everything that can be refused locally is, before jlis is asked for anything.
  const persona = loadPersona(options.persona);
  const credential = resolveCounterCredential(options, env);
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  const chosenDir = options.keysDir;
  if (chosenDir !== undefined) assertWritable(chosenDir, Object.values(CARD_FILES), options.force ?? false);

  // Under-15s get S only on request (JPKI.md "Issued to"); their age counts on the sandbox clock.
  const requested = options.under15Signing === true || persona.requestSigningCertificate === true;
  const clock = await client.getJson<SandboxClockState>(JLIS_PATHS.clock);
  const wantsSigning = isEligibleForSigningCertificate(persona.dateOfBirth, new Date(clock.now), requested);

  const keysPending = Promise.all([wantsSigning ? softwareCardKey() : undefined, softwareCardKey()]);
  keysPending.catch(() => undefined); // awaited below; this only keeps an early jlis error from leaving it unhandled
  const { resident } = await client.postJson<{ resident: Resident }>(JLIS_PATHS.residents, residentInputOf(persona), credential);
  const [signing, userAuth] = await keysPending;
  const issued = await client.postJson<IssuedCard>(
    JLIS_PATHS.cards(resident.id),
    { userAuthCsr: userAuth.csrPem, ...(signing ? { signingCsr: signing.csrPem } : {}), requestSigningCertificate: requested },
    credential,
  );
  await expectCertificateFor(issued.userAuthCertificate, userAuth.keys.publicKey, "R");
  const sRecord = signing ? issued.signingCertificate : undefined;
  if (signing) {
    if (!sRecord) throw new CliError("JLIS_BAD_RESPONSE", "jlis issued the card without the signing certificate asked for");
    await expectCertificateFor(sRecord, signing.keys.publicKey, "S");
  }

  const keysDir = resolve(chosenDir ?? defaultKeysDir(env, issued.card.id));
  ensureDirectory(keysDir);
  if (signing && sRecord) {
    writePrivateFile(keysDir, CARD_FILES.sKey, await exportPrivateKeyPem(signing.keys.privateKey));
    writePublicFile(keysDir, CARD_FILES.sCertificate, sRecord.pem);
  } else {
    // A card without S: an S key left by an earlier card (--force) must not pass for this card's.
    for (const name of [CARD_FILES.sKey, CARD_FILES.sCertificate]) rmSync(join(keysDir, name), { force: true });
  }
  writePrivateFile(keysDir, CARD_FILES.rKey, await exportPrivateKeyPem(userAuth.keys.privateKey));
  writePublicFile(keysDir, CARD_FILES.rCertificate, issued.userAuthCertificate.pem);

  const result: CitizenCreated = {
    residentId: resident.id,
    cardId: issued.card.id,
    sSerial: sRecord?.serialNumber ?? null,
    rSerial: issued.userAuthCertificate.serialNumber,
    sCertificate: sRecord?.pem ?? null,
    rCertificate: issued.userAuthCertificate.pem,
    keysDir,
  };
  if (options.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`registered ${persona.name} as resident ${result.residentId} and issued card ${result.cardId} (${client.baseUrl})`);
  if (sRecord) io.out(`  S 署名用電子証明書        serial ${sRecord.serialNumber}, valid to ${sRecord.notAfter}`);
  else io.out(`  S 署名用電子証明書        not issued: the holder is under 15 (--under15-signing requests one)`);
  const r = issued.userAuthCertificate;
  io.out(`  R 利用者証明用電子証明書  serial ${r.serialNumber}, valid to ${r.notAfter}`);
  io.out(`wrote the software card's keys (0600) and certificates to ${keysDir} — TEST ONLY`);
}

/** The certificate jlis returned is of the kind asked for and certifies the key the CSR carried. */
async function expectCertificateFor(record: CertificateRecord | undefined, publicKey: CryptoKey, kind: "S" | "R"): Promise<void> {
  if (!record || typeof record.pem !== "string" || typeof record.serialNumber !== "string") {
    throw new CliError("JLIS_BAD_RESPONSE", `jlis answered without the ${kind} certificate record`);
  }
  const parsed = parseCertificate(record.pem);
  const certified = new Uint8Array(parsed.certificate.publicKey.rawData);
  if (parsed.kind !== kind || !bytesEqual(certified, await exportPublicKeyDer(publicKey))) {
    throw new CliError("JLIS_BAD_RESPONSE", `jlis returned an ${kind} certificate that does not certify the card's ${kind} key`);
  }
}
