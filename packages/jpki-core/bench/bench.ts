/**
 * `npm run bench -w packages/jpki-core`: jpki-core's throughput in one process (sequential, one operation in
 * flight), each figure beside OpenSSL's rate for the same RSA operation measured in the same run, as a ratio.
 *
 *   certificates issued/s   ↔ openssl RSA-2048 signatures/s   (one CA signature per certificate)
 *   CMS verifications/s     ↔ openssl RSA-2048 verifications/s (one signature check per CMS)
 *   OCSP responses built/s  ↔ openssl RSA-2048 signatures/s   (one responder signature per response)
 *
 * Figures are measured under both WebCrypto providers. The machine is noisy: compare ratios within one run.
 */
import { spawnSync } from "node:child_process";
import { createCertificationAuthority, createOcspResponder } from "../src/ca/certification-authority.js";
import { signCms } from "../src/cms/sign.js";
import { verifyCms } from "../src/cms/verify.js";
import { generateRsaKeyPair } from "../src/crypto/keys.js";
import { useCryptoProvider, type CryptoProviderName } from "../src/crypto/provider.js";
import { createSoftwareSigner } from "../src/crypto/signer.js";
import { issueSigningCertificate } from "../src/issuance/end-entity.js";
import { createCertId } from "../src/ocsp/cert-id.js";
import { buildOcspResponse } from "../src/ocsp/response-builder.js";
import { HANAKO } from "../src/persona/persona.js";

const SECONDS = Number(process.argv[2] ?? 2);

interface OpensslRates {
  sign: number;
  verify: number;
}

/** `openssl speed -mr rsa2048` prints `+F2:<index>:<bits>:<signs/s>:<verifies/s>`. */
function opensslRsaRates(): OpensslRates {
  const run = spawnSync("openssl", ["speed", "-seconds", String(SECONDS), "-mr", "rsa2048"], { encoding: "utf8" });
  const line = run.stdout.split("\n").find((l) => l.startsWith("+F2:"));
  if (run.status !== 0 || !line) throw new Error(`openssl speed failed: ${run.stderr}`);
  const [, , , sign, verify] = line.split(":");
  return { sign: Number(sign), verify: Number(verify) };
}

/** Runs `operation` back to back for SECONDS (after a short warm-up) and returns operations per second. */
async function rate(operation: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await operation();
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    await operation();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

async function measure(provider: CryptoProviderName) {
  useCryptoProvider(provider);
  const ca = await createCertificationAuthority({ kind: "S" });
  const responder = await createOcspResponder(ca);
  const holderKeys = await generateRsaKeyPair();
  const { certificate } = await issueSigningCertificate({ ca, publicKey: holderKeys.publicKey, persona: HANAKO });
  const cms = await signCms({
    content: new TextEncoder().encode("口座開設申込書 / account opening application — TEST ONLY"),
    signerCertificate: certificate,
    signer: await createSoftwareSigner(holderKeys.privateKey),
  });
  const certId = await createCertId(ca.certificate, certificate.serialNumber);
  const now = new Date();
  return {
    issued: await rate(() => issueSigningCertificate({ ca, publicKey: holderKeys.publicKey, persona: HANAKO })),
    cmsVerified: await rate(() => verifyCms(cms)),
    ocspBuilt: await rate(() =>
      buildOcspResponse({
        signer: responder,
        responses: [{ certId, status: "good", thisUpdate: now, nextUpdate: new Date(now.getTime() + 3600_000) }],
      }),
    ),
  };
}

const fmt = (n: number) => n.toFixed(0).padStart(8);
const ratio = (ours: number, reference: number) => `${(ours / reference).toFixed(3)}×`;

console.log(`jpki-core benchmark — ${SECONDS} s per figure, one Node ${process.version} process; openssl speed single-threaded`);
const openssl = opensslRsaRates();
console.log(`openssl speed rsa2048: ${fmt(openssl.sign)} signatures/s, ${fmt(openssl.verify)} verifications/s\n`);
console.log(`${"figure".padEnd(26)}${"provider".padEnd(10)}${"ops/s".padStart(8)}   vs openssl`);
for (const provider of ["native", "peculiar"] as const) {
  const r = await measure(provider);
  console.log(`${"certificates issued/s".padEnd(26)}${provider.padEnd(10)}${fmt(r.issued)}   ${ratio(r.issued, openssl.sign)} of ${fmt(openssl.sign).trim()} signs/s`);
  console.log(`${"CMS verifications/s".padEnd(26)}${provider.padEnd(10)}${fmt(r.cmsVerified)}   ${ratio(r.cmsVerified, openssl.verify)} of ${fmt(openssl.verify).trim()} verifies/s`);
  console.log(`${"OCSP responses built/s".padEnd(26)}${provider.padEnd(10)}${fmt(r.ocspBuilt)}   ${ratio(r.ocspBuilt, openssl.sign)} of ${fmt(openssl.sign).trim()} signs/s`);
}
