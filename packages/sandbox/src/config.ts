/**
 * Where the sandbox is and who the client is there: the only module that reads the environment
 * (STYLE.md "Config"). Every value comes from the options, else the environment, else a default:
 *
 * | option | environment | default |
 * |---|---|---|
 * | `jlisUrl` | `JPKI_SANDBOX_JLIS_URL` | `http://127.0.0.1:4010` |
 * | `portalUrl` | `JPKI_SANDBOX_PORTAL_URL` | `http://127.0.0.1:4030` |
 * | `bankUrl` | `JPKI_SANDBOX_BANK_URL` | `http://127.0.0.1:4020` |
 * | `jlisAdmin.password` | `JPKI_SANDBOX_JLIS_ADMIN_PASSWORD`, then `JPKI_JLIS_ADMIN_PASSWORD` | jlis's `dev-credentials.json`, then `sandbox-admin` |
 * | `portalAdmin.password` | `JPKI_SANDBOX_PORTAL_ADMIN_PASSWORD`, then `JPKI_PORTAL_ADMIN_PASSWORD` | the portal's `dev-credentials.json`, then `sandbox-admin` |
 * | `dataDir` | `JPKI_DATA_DIR` (`JPKI_JLIS_DATA_DIR`, `JPKI_PORTAL_DATA_DIR` per app) | the nearest `.data` above the working directory |
 *
 * The operator user is always `admin`. `dev-credentials.json` is what each app writes into its data directory
 * at start (`{ admin: { user, password }, … }`), as packages/cli reads it for `citizen create`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SandboxError } from "./errors.js";

export const DEFAULT_JLIS_URL = "http://127.0.0.1:4010";
export const DEFAULT_PORTAL_URL = "http://127.0.0.1:4030";
export const DEFAULT_BANK_URL = "http://127.0.0.1:4020";
/** The apps' development default operator password (apps/jlis and apps/portal src/config/env.ts). */
export const DEFAULT_ADMIN_PASSWORD = "sandbox-admin";
export const ADMIN_USERNAME = "admin";
/** Issuance makes two RSA keys on the card and two certificates at jlis: a minute is generous. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface OperatorCredential {
  username: string;
  password: string;
}

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface SandboxOptions {
  /** jlis (mock J-LIS): admin API, OCSP, clock, CA certificates. */
  jlisUrl?: string;
  /** The citizen portal: counter, cards, approvals. */
  portalUrl?: string;
  /** Your relying party, or the sandbox's own bank (only kept as configuration, for tests to read). */
  bankUrl?: string;
  /** jlis's operator (HTTP Basic). */
  jlisAdmin?: Partial<OperatorCredential>;
  /** The portal's operator (HTTP Basic): issues cards without a browser, opens APDU sessions, chaos. */
  portalAdmin?: Partial<OperatorCredential>;
  /** Root of the apps' data (`npm start`: `<repo>/.data`), where their dev-credentials.json files are. */
  dataDir?: string;
  fetch?: typeof fetch;
  /** Per request; default 60 s. */
  timeoutMs?: number;
  /** The environment to read instead of process.env (tests). */
  env?: EnvSource;
  /** Where to start looking for `.data` (default the working directory). */
  cwd?: string;
}

export interface SandboxConfig {
  jlisUrl: string;
  portalUrl: string;
  bankUrl: string;
  jlisAdmin: OperatorCredential & { source: string };
  portalAdmin: OperatorCredential & { source: string };
  fetch: typeof fetch;
  timeoutMs: number;
}

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

export function resolveSandboxConfig(options: SandboxOptions = {}): SandboxConfig {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? nonEmpty(env.JPKI_DATA_DIR) ?? findDataDir(options.cwd ?? process.cwd());
  const credential = (app: "jlis" | "portal", given: Partial<OperatorCredential> | undefined) => {
    const upper = app.toUpperCase();
    const fromEnv = nonEmpty(env[`JPKI_SANDBOX_${upper}_ADMIN_PASSWORD`]) ?? nonEmpty(env[`JPKI_${upper}_ADMIN_PASSWORD`]);
    const username = given?.username ?? ADMIN_USERNAME;
    if (given?.password !== undefined) return { username, password: given.password, source: "options" };
    if (fromEnv !== undefined) return { username, password: fromEnv, source: "environment" };
    const file = devCredentialsFile(app, dataDir, env);
    const saved = file === undefined ? undefined : readSavedAdminPassword(file);
    if (saved !== undefined) return { username, password: saved, source: file! };
    return { username, password: DEFAULT_ADMIN_PASSWORD, source: "default" };
  };
  return {
    jlisUrl: baseUrl(options.jlisUrl ?? nonEmpty(env.JPKI_SANDBOX_JLIS_URL) ?? DEFAULT_JLIS_URL, "jlisUrl"),
    portalUrl: baseUrl(options.portalUrl ?? nonEmpty(env.JPKI_SANDBOX_PORTAL_URL) ?? DEFAULT_PORTAL_URL, "portalUrl"),
    bankUrl: baseUrl(options.bankUrl ?? nonEmpty(env.JPKI_SANDBOX_BANK_URL) ?? DEFAULT_BANK_URL, "bankUrl"),
    jlisAdmin: credential("jlis", options.jlisAdmin),
    portalAdmin: credential("portal", options.portalAdmin),
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** An http(s) URL without its trailing slash. */
function baseUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new SandboxError("INVALID_ARGUMENT", `${name} is not a URL: ${value}`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SandboxError("INVALID_ARGUMENT", `${name} must be http(s): ${value}`);
  return url.href.replace(/\/+$/, "");
}

/** The nearest `.data` directory at or above `from` (npm start keeps it at the repository root). */
function findDataDir(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".data"))) return join(dir, ".data");
    if (dirname(dir) === dir) return undefined;
  }
}

/** `$JPKI_<APP>_DATA_DIR/dev-credentials.json`, else `<dataDir>/<app>/dev-credentials.json`; none for `:memory:`. */
function devCredentialsFile(app: "jlis" | "portal", dataDir: string | undefined, env: EnvSource): string | undefined {
  const own = nonEmpty(env[`JPKI_${app.toUpperCase()}_DATA_DIR`]);
  if (own === ":memory:") return undefined;
  if (own !== undefined) return join(own, "dev-credentials.json");
  return dataDir === undefined ? undefined : join(dataDir, app, "dev-credentials.json");
}

/** `admin.password` of a dev-credentials.json; undefined when there is no file or no such member. */
function readSavedAdminPassword(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new SandboxError("INVALID_ARGUMENT", `${file} is not valid JSON (delete it and restart the app that wrote it)`, { cause });
  }
  const admin = (json as { admin?: { password?: unknown } } | null)?.admin;
  return typeof admin?.password === "string" && admin.password !== "" ? admin.password : undefined;
}

