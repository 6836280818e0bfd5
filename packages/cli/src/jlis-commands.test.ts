/**
 * revoke / ocsp / clock, in-process, without a real jlis: argument validation, a closed port, and a small
 * stand-in jlis (node:http + jpki-core) that speaks the README's API and issues certificates for the tests,
 * so the commands' whole flow and their one-line errors are checked here. The real jlis is
 * apps/jlis src/cli.api.test.ts; `citizen create` (which talks to the portal) is commands/citizen-create.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildOcspResponse,
  createCertificationAuthority,
  createOcspResponder,
  generateRsaKeyPair,
  HANAKO,
  issueSigningCertificate,
  issueUserAuthCertificate,
  parseCertificate,
  parseOcspRequest,
  toPem,
  type CertificateKind,
  type CertificationAuthority,
  type OcspCertStatus,
  type OcspResponder,
  type RevocationReason,
} from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ocspUrlFor } from "./commands/ocsp.js";
import type { CliIo } from "./io.js";
import { JlisClient } from "./jlis-client.js";
import { main } from "./main.js";

const work = mkdtempSync(join(tmpdir(), "jpki-cli-jlis-"));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/** Runs the CLI with exactly `env` (never the developer's JPKI_ variables). */
async function run(env: Record<string, string>, ...argv: string[]) {
  const io = capture();
  const code = await main(argv, io, env);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const noCredentials = { JPKI_DATA_DIR: join(work, "empty-data") };

describe("argument validation (no server)", () => {
  it.each([
    ["a serial that is not hex", ["revoke", "xyz", "--reason", "keyCompromise"], /not a hexadecimal serial number: xyz/],
    ["a reason JPKI never uses", ["revoke", "0a", "--reason", "certificateHold"], /Allowed choices are keyCompromise, affiliationChanged, superseded, cessationOfOperation/],
    ["no reason", ["revoke", "0a"], /required option '--reason/],
    ["a duration that is not ISO 8601", ["clock", "advance", "5 years"], /not a positive ISO 8601 duration: 5 years/],
    ["a zero duration", ["clock", "advance", "P0D"], /not a positive ISO 8601 duration/],
    ["a --jlis that is no URL", ["clock", "show", "--jlis", "jlis:4010"], /--jlis must be an http\(s\) URL/],
    ["a missing certificate", ["ocsp", "/nonexistent/cert.pem"], /certificate file not found: \/nonexistent\/cert\.pem/],
  ])("answers %s with one line on stderr and exit 2", async (_what, argv, message) => {
    const result = await run(noCredentials, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(existsSync(noCredentials.JPKI_DATA_DIR)).toBe(false); // nothing written for a refused command
  });

  it("refuses to ask OCSP about a certificate that is not JPKI's without --ca", async () => {
    const generic = join(work, "generic.pem");
    spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=generic", "-days", "1", "-keyout", join(work, "generic.key"), "-out", generic]);
    const result = await run({}, "ocsp", generic);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a JPKI S or R certificate/);
  });

  it("says jlis is not reachable, and how to start it, when nothing listens", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    for (const argv of [["clock", "show"], ["clock", "advance", "P1D"], ["revoke", "0a", "--reason", "superseded"]]) {
      const result = await run({ JPKI_JLIS_URL: url, JPKI_DATA_DIR: join(work, "unreachable") }, ...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toBe(`jpki-sandbox: jlis is not reachable at ${url} (ECONNREFUSED): start it with \`npm start\` at the repository root, or point --jlis / JPKI_JLIS_URL at a running jlis`);
    }
  });
});

/** Certificates the stand-in issued: `<dir>/s.pem` and `<dir>/r.pem`. */
interface IssuedFiles {
  dir: string;
  sSerial: string;
  rSerial: string;
  sCertificate: string;
}

/** A stand-in for jlis, just enough of the README's API for the CLI, with what it received kept for the tests. */
class StubJlis {
  url = "";
  offsetMs = 0;
  /** Replaces the echoed nonce, to play a responder that gets it wrong. */
  tamperNonce = false;
  readonly requests: { method: string; path: string; authorization?: string; body: string }[] = [];
  readonly statuses = new Map<string, OcspCertStatus & { kind: CertificateKind }>();
  private server?: Server;
  private cas!: Record<CertificateKind, { ca: CertificationAuthority; responder: OcspResponder }>;

  async start(): Promise<void> {
    const make = async (kind: CertificateKind) => {
      const ca = await createCertificationAuthority({ kind });
      return { ca, responder: await createOcspResponder(ca) };
    };
    const [S, R] = await Promise.all([make("S"), make("R")]);
    this.cas = { S, R };
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  caPem(kind: CertificateKind): string {
    return toPem(this.cas[kind].ca.certificate.rawData, "CERTIFICATE");
  }

  private now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? "/";
    this.requests.push({ method: req.method ?? "", path, authorization: req.headers.authorization, body: body.toString("utf8") });
    const json = (status: number, value: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(JSON.stringify(value));
    };
    const problem = (status: number, code: string, detail: string) => json(status, { type: "about:blank", title: code, status, code, detail }, "application/problem+json");
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    try {
      if (req.method === "GET" && path === "/clock") return json(200, { now: this.now().toISOString(), offsetMs: this.offsetMs });
      const ca = /^\/ca\/([sr])\.cer$/.exec(path);
      if (req.method === "GET" && ca) {
        res.writeHead(200, { "content-type": "application/pkix-cert" });
        res.end(Buffer.from(this.cas[ca[1]!.toUpperCase() as CertificateKind].ca.certificate.rawData));
        return;
      }
      const ocsp = /^\/ocsp\/([sr])$/.exec(path);
      if (req.method === "POST" && ocsp) return this.answerOcsp(ocsp[1]!.toUpperCase() as CertificateKind, body, res);
      if (path.startsWith("/admin/api/") && req.headers.authorization !== basic("admin", "sandbox-admin")) {
        return problem(401, "UNAUTHENTICATED", "the jlis operator console needs the admin credential (user admin)");
      }
      const revoke = /^\/admin\/api\/certificates\/([0-9a-f]+)\/revoke$/.exec(path);
      if (req.method === "POST" && revoke) {
        const current = this.statuses.get(revoke[1]!);
        if (!current) return problem(404, "CERTIFICATE_NOT_FOUND", `no certificate with serial ${revoke[1]}`);
        if (current.status === "revoked") return problem(409, "CERTIFICATE_ALREADY_REVOKED", `certificate ${revoke[1]} is already revoked; revocation is final`);
        const revokedAt = this.now();
        const reason = JSON.parse(body.toString()).reason as RevocationReason;
        this.statuses.set(revoke[1]!, { kind: current.kind, status: "revoked", revokedAt, reason });
        return json(200, { serialNumber: revoke[1], kind: current.kind, status: "revoked", revokedAt: revokedAt.toISOString(), revocationReason: reason });
      }
      if (req.method === "POST" && path === "/admin/api/clock") {
        const days = Number(/^P(\d+)D$/.exec(JSON.parse(body.toString()).advance)?.[1] ?? Number.NaN);
        if (!(days > 0)) return problem(400, "VALIDATION_FAILED", "the stub knows only PnD");
        this.offsetMs += days * 86_400_000;
        return json(200, { now: this.now().toISOString(), offsetMs: this.offsetMs });
      }
      return problem(404, "NOT_FOUND", `no route ${req.method} ${path}`);
    } catch (error) {
      return problem(500, "INTERNAL", String(error));
    }
  }

  /** 花子's S and R certificates for fresh keys, as jlis would issue them (AIA pointing here), written to `dir`. */
  async issueCard(dir: string): Promise<IssuedFiles> {
    mkdirSync(dir, { recursive: true });
    const issuedAt = this.now();
    const issue = async (kind: CertificateKind) => {
      const { publicKey } = await generateRsaKeyPair();
      const common = { ca: this.cas[kind].ca, publicKey, persona: HANAKO, issuedAt, ocspUrl: `${this.url}/ocsp/${kind.toLowerCase()}` };
      const { certificate } = kind === "S" ? await issueSigningCertificate(common) : await issueUserAuthCertificate(common);
      const serialNumber = certificate.serialNumber.toLowerCase();
      this.statuses.set(serialNumber, { kind, status: "good" });
      const pem = toPem(certificate.rawData, "CERTIFICATE");
      writeFileSync(join(dir, `${kind.toLowerCase()}.pem`), pem);
      return { serialNumber, pem };
    };
    const [s, r] = await Promise.all([issue("S"), issue("R")]);
    return { dir, sSerial: s.serialNumber, rSerial: r.serialNumber, sCertificate: s.pem };
  }

  private async answerOcsp(kind: CertificateKind, body: Buffer, res: ServerResponse): Promise<void> {
    const request = parseOcspRequest(new Uint8Array(body));
    const thisUpdate = this.now();
    const responses = request.certIds.map((certId) => {
      const known = this.statuses.get(certId.serialNumber);
      const status: OcspCertStatus = known && known.kind === kind ? known : { status: "unknown" };
      return { ...status, certId, thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + 3_600_000) };
    });
    const nonce = this.tamperNonce ? new Uint8Array([4, 1, 0]) : request.nonce;
    const der = await buildOcspResponse({ signer: this.cas[kind].responder, responses, producedAt: thisUpdate, ...(nonce ? { nonce } : {}) });
    res.writeHead(200, { "content-type": "application/ocsp-response" });
    res.end(Buffer.from(der));
  }
}

describe("against a stand-in jlis", () => {
  const stub = new StubJlis();
  let env: Record<string, string>;
  let created: IssuedFiles;

  beforeAll(async () => {
    await stub.start();
    env = { JPKI_JLIS_URL: stub.url, JPKI_DATA_DIR: join(work, "data") };
    created = await stub.issueCard(join(work, "card-1"));
  });
  afterAll(() => stub.stop());

  it("ocsp says good (exit 0), after revoke says revoked with the reason (exit 1)", async () => {
    const sPem = join(created.dir, "s.pem");
    const good = await run(env, "ocsp", sPem);
    expect(good.code).toBe(0);
    expect(good.stdout.split("\n")[0]).toBe("good");
    expect(good.stdout).toMatch(/thisUpdate {3}\d{4}-/);
    expect(good.stdout).toMatch(/nextUpdate {3}\d{4}-/);

    const revoked = await run(env, "revoke", created.sSerial, "--reason", "keyCompromise", "--json");
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ status: "revoked", revocationReason: "keyCompromise" });
    expect(stub.requests.at(-1)!.authorization).toBe(`Basic ${Buffer.from("admin:sandbox-admin").toString("base64")}`);

    const after = await run(env, "ocsp", sPem);
    expect(after.code).toBe(1);
    expect(after.stdout.split("\n")[0]).toMatch(/^revoked \(keyCompromise, \d{4}-\d\d-\d\dT[\d:.]+Z\)$/);
    const json = await run(env, "ocsp", sPem, "--json", "--no-nonce");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "revoked", reason: "keyCompromise", reasonCode: 1, nonce: false, signedBy: "delegated" });

    const again = await run(env, "revoke", created.sSerial.toUpperCase(), "--reason", "keyCompromise");
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`jpki-sandbox: certificate ${created.sSerial} is already revoked; revocation is final (CERTIFICATE_ALREADY_REVOKED)`);
  });

  it("ocsp asks the AIA URL unless --jlis is given", () => {
    const certificate = parseCertificate(readFileSync(join(created.dir, "s.pem"), "utf8"));
    const client = new JlisClient({ baseUrl: "http://other.test:4010" });
    expect(certificate.ocspUrls).toEqual([`${stub.url}/ocsp/s`]);
    expect(ocspUrlFor(certificate, "S", client, false)).toBe(`${stub.url}/ocsp/s`);
    expect(ocspUrlFor(certificate, "S", client, true)).toBe("http://other.test:4010/ocsp/s");
    expect(ocspUrlFor({ ...certificate, ocspUrls: [] }, "R", client, false)).toBe("http://other.test:4010/ocsp/r");
  });

  it("ocsp reads --ca, and says unknown (exit 1) for a certificate the responder does not know", async () => {
    // a certificate of the stub's S CA with a serial the stub forgets
    const stranger = join(work, "stranger.pem");
    const ca = join(work, "stub-s-ca.pem");
    writeFileSync(ca, stub.caPem("S"));
    const own = await run(env, "ocsp", join(created.dir, "s.pem"), "--ca", ca, "--jlis", stub.url);
    expect(own.code).toBe(1); // revoked above
    expect(stub.requests.some((r) => r.path === "/ca/s.cer" && r.method === "GET")).toBe(true); // from the first ocsp only
    const child = await stub.issueCard(join(work, "stranger"));
    writeFileSync(stranger, child.sCertificate);
    stub.statuses.delete(child.sSerial);
    const unknown = await run(env, "ocsp", stranger, "--ca", ca);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout.split("\n")[0]).toBe("unknown");
  });

  it("ocsp refuses an answer whose nonce is not ours, and a --ca that did not issue the certificate (exit 2)", async () => {
    stub.tamperNonce = true;
    try {
      const result = await run(env, "ocsp", join(created.dir, "r.pem"));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\[OCSP_NONCE_MISMATCH\]$/);
    } finally {
      stub.tamperNonce = false;
    }
    const wrongCa = join(work, "stub-r-ca.pem");
    writeFileSync(wrongCa, stub.caPem("R"));
    const result = await run(env, "ocsp", join(created.dir, "s.pem"), "--ca", wrongCa);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the certificate was not issued by the CA in .*stub-r-ca\.pem/);
  });

  it("clock show and clock advance, and ocsp still believes answers dated on the advanced clock", async () => {
    const shown = await run(env, "clock", "show", "--json");
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ offsetMs: 0 });
    const advanced = await run(env, "clock", "advance", "p2d");
    expect(advanced.code).toBe(0);
    expect(advanced.stdout).toMatch(/^sandbox time is now \d{4}-.*\(offset \+2d 00:00:00 from real time\)$/);
    expect(JSON.parse(stub.requests.at(-1)!.body)).toEqual({ advance: "P2D" });
    expect(JSON.parse((await run(env, "clock", "show", "--json")).stdout).offsetMs).toBe(2 * 86_400_000);
    const r = await run(env, "ocsp", join(created.dir, "r.pem"));
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("good");
  });

  it("clock advance with a wrong admin password prints jlis's problem", async () => {
    const result = await run(env, "clock", "advance", "P1D", "--admin-password", "wrong");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("jpki-sandbox: the jlis operator console needs the admin credential (user admin) (UNAUTHENTICATED)");
  });
});
