/**
 * The OCSP endpoint against OpenSSL 3's client, an implementation independent of ours: `openssl ocsp -url`
 * talks to a real node:http server and verifies the answer against the CA (-CAfile), which also checks the
 * delegated responder (issued by the CA, id-kp-OCSPSigning). The clock is real: openssl checks
 * thisUpdate/nextUpdate against its own.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { randomSerialNumber, toPem, type CertificateKind } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxClock } from "../domain/clock.js";
import { createOcspService, type OcspService } from "../domain/ocsp/service.js";
import type { OcspAuthority } from "../domain/ocsp/sign-response.js";
import { createInMemoryStatusSource, type InMemoryStatusSource } from "../domain/ocsp/status-source.js";
import { testAuthorities } from "../domain/ocsp/test-support.js";
import { createOcspHttpHandler } from "./ocsp-endpoint.js";

// Asynchronous on purpose: the server answering openssl runs in this very process.
const run = promisify(execFile);

let authorities: Record<CertificateKind, OcspAuthority>;
let statuses: InMemoryStatusSource;
let service: OcspService;
let server: Server;
let url: string;
let dir: string;
const caPem: Record<CertificateKind, string> = { S: "", R: "" };
const good = randomSerialNumber();
const revoked = randomSerialNumber();
const revokedAt = new Date("2026-05-20T08:09:10Z");

beforeAll(async () => {
  authorities = await testAuthorities();
  statuses = createInMemoryStatusSource();
  statuses.issue("S", good);
  statuses.issue("R", good);
  statuses.revoke("S", revoked, revokedAt, "affiliationChanged");
  service = createOcspService({ authorities, statuses, clock: createSandboxClock() });
  const handler = createOcspHttpHandler(service);
  server = createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), "jlis-ocsp-interop-"));
  for (const kind of ["S", "R"] as const) {
    caPem[kind] = join(dir, `${kind}-ca.pem`);
    writeFileSync(caPem[kind], toPem(authorities[kind].ca.certificate.rawData, "CERTIFICATE"));
  }
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** `openssl ocsp` asking the endpoint about one serial (RFC 5019 profile: no nonce). */
async function opensslAsk(kind: CertificateKind, serial: string) {
  const { stdout, stderr } = await run("openssl", [
    "ocsp", "-issuer", caPem[kind], "-serial", `0x${serial}`, "-url", `${url}/ocsp/${kind.toLowerCase()}`,
    "-CAfile", caPem[kind], "-no_nonce", "-resp_text",
  ]);
  return { stdout, stderr };
}

describe("openssl ocsp against the jlis endpoint", () => {
  it("good, verified against the CA (delegated responder accepted)", async () => {
    const { stdout, stderr } = await opensslAsk("S", good);
    expect(stderr).toContain("Response verify OK");
    expect(stdout).toMatch(new RegExp(`0x${good}: good`, "i"));
    expect(stdout).toContain("Responder Id: "); // byKey
  });

  it("revoked, with the reason and the time", async () => {
    const { stdout, stderr } = await opensslAsk("S", revoked);
    expect(stderr).toContain("Response verify OK");
    expect(stdout).toMatch(new RegExp(`0x${revoked}: revoked`, "i"));
    expect(stdout).toContain("Reason: affiliationChanged");
    expect(stdout).toContain("Revocation Time: May 20 08:09:10 2026 GMT");
  });

  it("unknown for a serial never issued; the R path answers for the R CA", async () => {
    expect((await opensslAsk("S", randomSerialNumber())).stdout).toMatch(/: unknown/);
    const r = await opensslAsk("R", good);
    expect(r.stderr).toContain("Response verify OK");
    expect(r.stdout).toMatch(/: good/);
  });

  it("a revocation shows in the next answer once invalidated", async () => {
    const serial = randomSerialNumber();
    statuses.issue("S", serial);
    expect((await opensslAsk("S", serial)).stdout).toMatch(/: good/);
    statuses.revoke("S", serial, new Date(Math.floor(Date.now() / 1000) * 1000), "keyCompromise");
    service.invalidate("S", serial);
    const { stdout } = await opensslAsk("S", serial);
    expect(stdout).toMatch(/: revoked/);
    expect(stdout).toContain("Reason: keyCompromise");
  });

  it("echoes openssl's nonce: request made by openssl, POSTed by us, checked by openssl", async () => {
    const reqPath = join(dir, "nonce-req.der");
    const respPath = join(dir, "nonce-resp.der");
    await run("openssl", ["ocsp", "-issuer", caPem.S, "-serial", `0x${good}`, "-reqout", reqPath]); // nonce by default
    const requestDer = readFileSync(reqPath);
    expect((await run("openssl", ["ocsp", "-reqin", reqPath, "-req_text"])).stdout).toContain("OCSP Nonce");
    const response = await fetch(`${url}/ocsp/s`, {
      method: "POST",
      headers: { "content-type": "application/ocsp-request" },
      body: new Uint8Array(requestDer),
    });
    writeFileSync(respPath, new Uint8Array(await response.arrayBuffer()));
    // No -issuer/-serial here: with them openssl builds a second request with a nonce of its own.
    const checked = await run("openssl", ["ocsp", "-reqin", reqPath, "-respin", respPath, "-CAfile", caPem.S, "-resp_text"]);
    expect(checked.stderr).toContain("Response verify OK");
    expect(`${checked.stdout}${checked.stderr}`).not.toMatch(/nonce (verify error|in response)/i); // "no nonce in response"
    expect(checked.stdout).toContain("OCSP Nonce:");
    expect(checked.stdout).toContain("Cert Status: good");
  });
});
