/**
 * `citizen create` in-process against a stand-in portal (node:http + jpki-core) that speaks the operator
 * endpoint POST /api/v1/counter/citizens: what is sent (persona, PINs, operator credential), the output,
 * the portal's problems, an unreachable portal, and everything refused locally before any HTTP call.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createCertificationAuthority,
  generateRsaKeyPair,
  HANAKO,
  isEligibleForSigningCertificate,
  issueSigningCertificate,
  issueUserAuthCertificate,
  parsePersona,
  toPem,
  type CertificateKind,
  type CertificationAuthority,
  type Persona,
} from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readCliEnv } from "../env.js";
import { CliError, type CliIo } from "../io.js";
import { main } from "../main.js";
import { citizenCreate, DEFAULT_SIGNING_PIN, DEFAULT_USER_AUTH_PIN } from "./citizen-create.js";

const work = mkdtempSync(join(tmpdir(), "jpki-cli-citizen-"));
const emptyData = join(work, "empty-data");

interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { persona: Persona; userAuthPin?: string; signingPin?: string };
}

/** Just enough of the portal's operator API: the PIN rules, the under-15 rule, certificates from test CAs. */
class StubPortal {
  url = "";
  /** The operator password it accepts (user admin). */
  password = "sandbox-admin";
  /** Answers the next request with this instead (a problem, a broken body), then forgets it. */
  next: { status: number; body: unknown; type?: string } | undefined;
  readonly requests: Received[] = [];
  private server?: Server;
  private cas!: Record<CertificateKind, CertificationAuthority>;
  private cards = 0;

  async start(): Promise<void> {
    const [S, R] = await Promise.all([createCertificationAuthority({ kind: "S" }), createCertificationAuthority({ kind: "R" })]);
    this.cas = { S, R };
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Received["body"];
    this.requests.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization, body });
    const send = (status: number, value: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(typeof value === "string" ? value : JSON.stringify(value));
    };
    const problem = (status: number, code: string, detail: string) =>
      send(status, { type: "about:blank", title: code, status, code, detail }, "application/problem+json");
    if (this.next) {
      const { status, body: answer, type } = this.next;
      this.next = undefined;
      return send(status, answer, type);
    }
    if (req.method !== "POST" || req.url !== "/api/v1/counter/citizens") return problem(404, "NOT_FOUND", `no route ${req.method} ${req.url}`);
    if (req.headers.authorization !== `Basic ${Buffer.from(`admin:${this.password}`).toString("base64")}`) {
      return problem(401, "UNAUTHENTICATED", "the operator API needs the admin credential (user admin)");
    }
    const persona = parsePersona(body.persona);
    const wantsSigning = isEligibleForSigningCertificate(persona.dateOfBirth, new Date(), persona.requestSigningCertificate === true);
    if (!/^\d{4}$/.test(body.userAuthPin ?? "1234")) return problem(400, "PIN_FORMAT", "PIN format: the R PIN is exactly 4 digits");
    if (wantsSigning && !/^[0-9A-Z]{6,16}$/.test(body.signingPin ?? "")) return problem(400, "PIN_FORMAT", "a signing certificate will be issued: set its PIN");
    const issue = async (kind: CertificateKind) => {
      const { publicKey } = await generateRsaKeyPair();
      const common = { ca: this.cas[kind], publicKey, persona };
      const { certificate } = kind === "S" ? await issueSigningCertificate(common) : await issueUserAuthCertificate(common);
      return { serial: certificate.serialNumber.toLowerCase(), pem: toPem(certificate.rawData, "CERTIFICATE") };
    };
    const [s, r] = await Promise.all([wantsSigning ? issue("S") : undefined, issue("R")]);
    this.cards += 1;
    send(201, {
      residentId: `resident-${this.cards}`,
      cardId: `card-${this.cards}`,
      sSerial: s?.serial ?? null,
      rSerial: r.serial,
      sCertificate: s?.pem ?? null,
      rCertificate: r.pem,
      expiresAt: "2036-03-31T14:59:59.000Z",
    });
  }
}

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

/** The CliError `citizenCreate` fails with, to assert its code. */
async function errorOf(env: Record<string, string>, options: Parameters<typeof citizenCreate>[0]): Promise<CliError & Record<string, unknown>> {
  try {
    await citizenCreate(options, capture(), readCliEnv(env));
  } catch (error) {
    if (error instanceof CliError) return error as CliError & Record<string, unknown>;
    throw error;
  }
  throw new Error("expected a CliError");
}

const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`;

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const taroFile = join(work, "taro.json");
writeFileSync(taroFile, JSON.stringify({ ...HANAKO, id: "taro", name: "総務　太郎", sex: "male", dateOfBirth: "2020-05-05" }));

describe("citizen create against a stand-in portal", () => {
  const portal = new StubPortal();
  let env: Record<string, string>;

  beforeAll(async () => {
    await portal.start();
    env = { JPKI_PORTAL_URL: portal.url, JPKI_DATA_DIR: emptyData };
  });
  afterAll(() => portal.stop());
  beforeEach(() => {
    portal.password = "sandbox-admin";
    portal.next = undefined;
  });

  it("--json: sends the whole persona and the default PINs as the operator, prints the card and its wallet URL", async () => {
    const result = await run(env, "citizen", "create", "--persona", "hanako", "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(created).sort()).toEqual(["cardId", "rCertificate", "rSerial", "residentId", "sCertificate", "sSerial", "walletUrl"]);
    expect(created).toMatchObject({ residentId: expect.stringMatching(/^resident-/), walletUrl: `${portal.url}/cards/${created.cardId as string}` });
    expect(created.sSerial).toMatch(/^[0-9a-f]+$/);
    expect(created.rSerial).toMatch(/^[0-9a-f]+$/);
    expect(created.sCertificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(created.rCertificate).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const request = portal.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/api/v1/counter/citizens", authorization: basic("sandbox-admin") });
    expect(request.body).toEqual({ persona: HANAKO, userAuthPin: DEFAULT_USER_AUTH_PIN, signingPin: DEFAULT_SIGNING_PIN });
    expect(request.body.persona.id).toBe("hanako");
  });

  it("prints a summary with the wallet URL and where each PIN came from, never the PINs themselves", async () => {
    const result = await run(env, "citizen", "create", "--persona", "hanako", "--user-auth-pin", "8642", "--signing-pin", "QWERTY2099");
    expect(result.code).toBe(0);
    expect(portal.requests.at(-1)!.body).toMatchObject({ userAuthPin: "8642", signingPin: "QWERTY2099" });
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^registered 総務\u3000花子 as resident resident-\\d+ and issued virtual card card-\\d+ at the portal \\(${portal.url}\\)$`));
    expect(result.stdout).toMatch(/S 署名用電子証明書 +serial [0-9a-f]+, valid to \d{4}-/);
    expect(result.stdout).toMatch(/R 利用者証明用電子証明書 +serial [0-9a-f]+, valid to \d{4}-/);
    expect(result.stdout).toContain("R PIN (利用者証明用パスワード)  exactly 4 digits: set from --user-auth-pin");
    expect(result.stdout).toContain("S PIN (署名用パスワード)  6–16 characters, digits and upper-case letters A–Z: set from --signing-pin");
    expect(result.stdout).toMatch(new RegExp(`wallet: ${portal.url}/cards/card-\\d+ \\(TEST ONLY\\)$`));
    expect(result.stdout).not.toContain("8642");
    expect(result.stdout).not.toContain("QWERTY2099");

    const defaults = await run(env, "citizen", "create", "--persona", "hanako");
    expect(defaults.stdout).toContain("exactly 4 digits: the sandbox default (see --help; --user-auth-pin chooses another)");
    expect(defaults.stdout).not.toContain(DEFAULT_SIGNING_PIN);
  });

  it("leaves S to the portal's under-15 rule, and --under15-signing asks for it in the persona", async () => {
    const child = await run(env, "citizen", "create", "--persona", taroFile, "--json");
    expect(child.code).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ sSerial: null, sCertificate: null, rSerial: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(portal.requests.at(-1)!.body.persona).toMatchObject({ id: "taro", name: "総務　太郎", dateOfBirth: "2020-05-05" });
    expect(portal.requests.at(-1)!.body.persona).not.toHaveProperty("requestSigningCertificate");

    const human = await run(env, "citizen", "create", "--persona", taroFile);
    expect(human.stdout).toContain("S 署名用電子証明書        not issued: the holder is under 15 (--under15-signing requests one)");
    expect(human.stdout).toContain("S PIN (署名用パスワード)  none: the card has no S certificate");

    const asked = await run(env, "citizen", "create", "--persona", taroFile, "--json", "--under15-signing");
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).sSerial).toMatch(/^[0-9a-f]+$/);
    expect(portal.requests.at(-1)!.body.persona).toMatchObject({ id: "taro", requestSigningCertificate: true });
  });

  it.each([
    ["PIN_FORMAT", 400, "a signing certificate will be issued: set its PIN (署名用パスワード, 6–16 digits or upper-case letters)"],
    ["VALIDATION_FAILED", 400, "persona.localGovernmentCode: Invalid string"],
    ["JLIS_REFUSED", 409, "jlis refused the resident"],
    ["JLIS_UNAVAILABLE", 503, "jlis is not reachable from the portal"],
  ])("prints the portal's %s problem as `<detail> (<code>)`, exit 2 (PORTAL_PROBLEM)", async (code, status, detail) => {
    const problem = { type: "about:blank", title: code, status, code, detail };
    portal.next = { status, body: problem, type: "application/problem+json" };
    const result = await run(env, "citizen", "create", "--persona", "hanako");
    expect(result).toEqual({ code: 2, stdout: "", stderr: `jpki-sandbox: ${detail} (${code})` });
    portal.next = { status, body: problem, type: "application/problem+json" };
    expect(await errorOf(env, { persona: "hanako" })).toMatchObject({ code: "PORTAL_PROBLEM", service: "portal", status, problem: { code } });
  });

  it("answers a wrong operator password with the portal's UNAUTHENTICATED problem", async () => {
    portal.password = "the-real-one";
    const result = await run(env, "citizen", "create", "--persona", "hanako", "--portal-password", "wrong");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("jpki-sandbox: the operator API needs the admin credential (user admin) (UNAUTHENTICATED)");
    expect(portal.requests.at(-1)!.authorization).toBe(basic("wrong"));
  });

  it("finds the operator password: --portal-password, JPKI_PORTAL_ADMIN_PASSWORD, the portal's dev-credentials.json, the default", async () => {
    const dataDir = join(work, "with-files");
    for (const [service, password] of [["portal", "from-portal-file"], ["jlis", "from-jlis-file"]]) {
      mkdirSync(join(dataDir, service!), { recursive: true });
      writeFileSync(join(dataDir, service!, "dev-credentials.json"), JSON.stringify({ admin: { user: "admin", password } }));
    }
    const seen = async (extraEnv: Record<string, string>, ...flags: string[]) => {
      await run({ JPKI_PORTAL_URL: portal.url, ...extraEnv }, "citizen", "create", "--persona", "hanako", "--json", ...flags);
      return portal.requests.at(-1)!.authorization;
    };
    const all = { JPKI_DATA_DIR: dataDir, JPKI_PORTAL_ADMIN_PASSWORD: "from-env", JPKI_JLIS_ADMIN_PASSWORD: "jlis-env" };
    expect(await seen(all, "--portal-password", "from-flag")).toBe(basic("from-flag"));
    expect(await seen(all)).toBe(basic("from-env"));
    expect(await seen({ JPKI_DATA_DIR: dataDir, JPKI_JLIS_ADMIN_PASSWORD: "jlis-env" })).toBe(basic("from-portal-file"));
    const own = join(work, "portal-own-dir");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "dev-credentials.json"), JSON.stringify({ bank: { id: "dev-bank" }, admin: { user: "admin", password: "from-own-dir" } }));
    expect(await seen({ JPKI_DATA_DIR: dataDir, JPKI_PORTAL_DATA_DIR: own })).toBe(basic("from-own-dir"));
    expect(await seen({ JPKI_DATA_DIR: dataDir, JPKI_PORTAL_DATA_DIR: ":memory:" })).toBe(basic("sandbox-admin"));
    expect(await seen({ JPKI_DATA_DIR: emptyData })).toBe(basic("sandbox-admin"));
  });

  it("takes --portal over JPKI_PORTAL_URL", async () => {
    const port = await closedPort();
    const result = await run({ JPKI_PORTAL_URL: `http://127.0.0.1:${port}`, JPKI_DATA_DIR: emptyData }, "citizen", "create", "--persona", "hanako", "--portal", `${portal.url}/`, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).walletUrl).toMatch(new RegExp(`^${portal.url}/cards/`));
  });

  it("refuses an answer whose certificates are not what it says (PORTAL_BAD_RESPONSE)", async () => {
    const good = JSON.parse((await run(env, "citizen", "create", "--persona", "hanako", "--json")).stdout) as Record<string, unknown>;
    // an S certificate where R belongs
    portal.next = { status: 201, body: { ...good, rCertificate: good.sCertificate, expiresAt: "2036-01-01T00:00:00Z" } };
    expect(await errorOf(env, { persona: "hanako" })).toMatchObject({ code: "PORTAL_BAD_RESPONSE" });
    portal.next = { status: 201, body: { residentId: "r", cardId: "c" } };
    expect(await errorOf(env, { persona: "hanako" })).toMatchObject({ code: "PORTAL_BAD_RESPONSE" });
  });

  it.each([
    ["an R PIN of 3 digits", ["--user-auth-pin", "123"], /^jpki-sandbox: --user-auth-pin: the R PIN \(利用者証明用パスワード\) is exactly 4 digits$/],
    ["an R PIN of 5 digits", ["--user-auth-pin", "12345"], /--user-auth-pin: the R PIN/],
    ["an R PIN with letters", ["--user-auth-pin", "12ab"], /--user-auth-pin: the R PIN/],
    ["an R PIN of full-width digits", ["--user-auth-pin", "１２３４"], /--user-auth-pin: the R PIN/],
    ["an S PIN of 5 characters", ["--signing-pin", "ABC12"], /^jpki-sandbox: --signing-pin: the S PIN \(署名用パスワード\) is 6–16 characters, digits and upper-case letters A–Z$/],
    ["an S PIN of 17 characters", ["--signing-pin", "A".repeat(17)], /--signing-pin: the S PIN/],
    ["an S PIN in lower case", ["--signing-pin", "sandbox1"], /--signing-pin: the S PIN/],
    ["an S PIN with a hyphen", ["--signing-pin", "PIN-2026"], /--signing-pin: the S PIN/],
    ["an empty S PIN", ["--signing-pin", ""], /--signing-pin: the S PIN/],
    ["an unknown persona", ["--persona", "nobody"], /unknown persona "nobody"/],
    ["a --portal that is no URL", ["--portal", "portal:4030"], /--portal must be an http\(s\) URL/],
  ])("refuses %s locally: one line, exit 2, no request, the PIN not echoed", async (_what, flags, message) => {
    const before = portal.requests.length;
    const argv = flags[0] === "--persona" ? ["citizen", "create", ...flags] : ["citizen", "create", "--persona", "hanako", ...flags];
    const result = await run(env, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(1);
    if (flags[0]!.endsWith("-pin") && flags[1] !== "") expect(result.stderr).not.toContain(flags[1]);
    expect(portal.requests.length).toBe(before);
  });

  it("refuses a bad PIN with BAD_INPUT", async () => {
    expect(await errorOf(env, { persona: "hanako", userAuthPin: "12" })).toMatchObject({ code: "BAD_INPUT" });
    expect(await errorOf(env, { persona: "hanako", signingPin: "abcdef" })).toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("citizen create without a portal", () => {
  it("requires --persona", async () => {
    const result = await run({ JPKI_DATA_DIR: emptyData }, "citizen", "create");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/required option '--persona/);
  });

  it("says the portal is not reachable and how to start the sandbox (PORTAL_UNREACHABLE)", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const env = { JPKI_PORTAL_URL: url, JPKI_DATA_DIR: emptyData };
    const result = await run(env, "citizen", "create", "--persona", "hanako");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `jpki-sandbox: portal is not reachable at ${url} (ECONNREFUSED): start the sandbox with \`npm start\` at the repository root, or point --portal / JPKI_PORTAL_URL at a running portal`,
    );
    expect(await errorOf(env, { persona: "hanako" })).toMatchObject({ code: "PORTAL_UNREACHABLE" });
  });

  it("writes nothing, even where the software card used to go", async () => {
    const dataDir = join(work, "untouched");
    await run({ JPKI_PORTAL_URL: `http://127.0.0.1:${await closedPort()}`, JPKI_DATA_DIR: dataDir }, "citizen", "create", "--persona", "hanako");
    expect(existsSync(dataDir)).toBe(false);
  });
});
