/**
 * Child process of bench/ocsp-bench.ts (TEST ONLY): a real jlis (createJlis, in-memory PGlite, fresh keys,
 * the whole app: node:http front with the OCSP fast path, Express behind it) holding GOOD good and REVOKED
 * revoked S certificates issued through its own counter service, and
 *   - the files `openssl ocsp -index` needs to serve the very same CA, responder and serials
 *     (ca.pem, responder.pem, responder.key, index.txt),
 *   - the requests the load generator sends: post-<i>.der (no nonce, RFC 5019), nonce-<i>.der, get-paths.txt,
 *   - a reference server in the same process that answers every request with one fixed pre-signed response
 *     and the same headers, and does nothing else: the ceiling of node:http on this machine, to read the
 *     other rows against.
 * Prints one JSON line {port, ceilingPort, dir, count} on stdout when ready; exits on SIGTERM/SIGINT or when
 * stdin closes (the parent died).
 *
 *   node --import tsx bench/ocsp-bench-server.ts <dir> [good=300] [revoked=30]
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import {
  buildOcspRequest,
  bytesToBase64,
  exportPrivateKeyPem,
  HANAKO,
  toPem,
  type RevocationReason,
} from "@jpki-sandbox/jpki-core";
import { createJlis } from "../src/app.js";
import { testConfig } from "../src/config/env.js";
import { createSoftwareCard } from "../src/test-support/software-card.js";

const [dir, goodArg, revokedArg] = process.argv.slice(2);
if (!dir) throw new Error("usage: ocsp-bench-server.ts <dir> [good] [revoked]");
const GOOD = Number(goodArg ?? 300);
const REVOKED = Number(revokedArg ?? 30);
// affiliationChanged is not among them: jlis gives it only to an S replaced at a move (a life event).
const REASONS: readonly RevocationReason[] = ["keyCompromise", "superseded", "cessationOfOperation"];

const jlis = await createJlis(testConfig({ ocspValiditySeconds: 3_600 }));
const { url } = await jlis.start(0);
const S = jlis.authorities.S;

// Certificates issued the way a municipal counter gets them: a resident, a card, CSRs as proof of possession.
// One key pair per role serves every card here (jlis refuses only S = R on one card): key generation would
// otherwise dominate the set-up.
const card = await createSoftwareCard();
const request = { userAuthCsr: await card.userAuthCsr(), signingCsr: await card.signingCsr() };
const { id: _hanako, ...resident } = HANAKO;
void _hanako;
const serials: string[] = [];
const revokedAt = new Map<string, { at: Date; reason: RevocationReason }>();
for (let i = 0; i < GOOD + REVOKED; i++) {
  const registered = await jlis.counter.registerResident(resident);
  const issued = await jlis.counter.issueCard(registered.id, request, "bench-counter");
  const serial = issued.signingCertificate!.serialNumber;
  serials.push(serial);
  if (i >= GOOD) {
    const reason = REASONS[i % REASONS.length]!;
    const revoked = await jlis.revocation.revoke(serial, reason);
    revokedAt.set(serial, { at: revoked.revokedAt!, reason });
  }
}

/** openssl's index.txt: status, expiry, revocation "time,reason", serial (hex), file, subject — tab separated. */
const index: string[] = [];
for (const [i, serial] of serials.entries()) {
  const revoked = revokedAt.get(serial);
  if (!revoked) {
    index.push(["V", "361231235959Z", "", serial.toUpperCase(), "unknown", `/CN=good ${i}`].join("\t"));
  } else {
    const when = revoked.at.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";
    index.push(["R", "361231235959Z", `${when},${revoked.reason}`, serial.toUpperCase(), "unknown", `/CN=revoked ${i}`].join("\t"));
  }
}
writeFileSync(join(dir, "index.txt"), `${index.join("\n")}\n`);
writeFileSync(join(dir, "index.txt.attr"), "unique_subject = no\n");
writeFileSync(join(dir, "ca.pem"), toPem(S.ca.certificate.rawData, "CERTIFICATE"));
writeFileSync(join(dir, "responder.pem"), toPem(S.responder.certificate.rawData, "CERTIFICATE"));
writeFileSync(join(dir, "responder.key"), await exportPrivateKeyPem(S.responder.privateKey), { mode: 0o600 });

const service = jlis.ocsp;
const getPaths: string[] = [];
for (const [i, serial] of serials.entries()) {
  const plain = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: [serial] });
  const withNonce = await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: [serial], nonce: true });
  writeFileSync(join(dir, `post-${i}.der`), plain.der);
  writeFileSync(join(dir, `nonce-${i}.der`), withNonce.der);
  getPaths.push(`/ocsp/s/${encodeURIComponent(bytesToBase64(plain.der))}`);
  // Pre-sign, as a running jlis has: the rows measure the steady state, where every answer is stored.
  await service.respond("S", plain.der);
}
writeFileSync(join(dir, "get-paths.txt"), `${getPaths.join("\n")}\n`);

const fixed = await service.respond("S", (await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: [serials[0]!] })).der);
if (service.stats().cachedResponses !== serials.length) throw new Error("the pre-signed cache was not filled");
// The same bytes on the wire as jlis's answer (body and RFC 5019 headers), computed once.
const fixedHeaders = {
  "content-type": "application/ocsp-response",
  "content-length": fixed.der.byteLength,
  "cache-control": `max-age=${fixed.cacheMaxAgeSeconds}, public, no-transform, must-revalidate`,
  "last-modified": fixed.thisUpdate!.toUTCString(),
  expires: fixed.nextUpdate!.toUTCString(),
  etag: `"${"0".repeat(40)}"`,
};
const ceiling = createServer((req, res) => {
  req.on("data", () => {}).on("end", () => {
    res.writeHead(200, fixedHeaders);
    res.end(fixed.der);
  });
});
const listening = (s: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
const port = Number(new URL(url).port);
const ceilingPort = await listening(ceiling);
process.stdout.write(`${JSON.stringify({ port, ceilingPort, dir, count: serials.length })}\n`);

const stop = () => {
  ceiling.close();
  ceiling.closeAllConnections();
  jlis.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop).on("error", stop).resume();
