/**
 * bank configuration: every knob is an environment variable with a default, validated once here (zod).
 * Nothing else in the bank reads process.env. Project knobs are JPKI_BANK_<KNOB>; standard ones keep their
 * names (DATABASE_URL).
 */
import path from "node:path";
import { databaseLocation, type DatabaseLocation } from "@jpki-sandbox/service-kit";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);
const nonEmpty = z.string().trim().min(1);
const seconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const envSchema = z.object({
  /** Listening port (DESIGN.md: the bank is :4020). */
  JPKI_BANK_PORT: port.default(4020),
  /** Interface to bind; 127.0.0.1 keeps the sandbox off the network (compose sets 0.0.0.0). */
  JPKI_BANK_HOST: nonEmpty.default("127.0.0.1"),
  /** Base URL browsers use to reach the bank (the portal sends them back to <it>/callback). */
  JPKI_BANK_PUBLIC_URL: z.url().optional(),
  /** Root of every app's data (DESIGN.md); the bank uses <root>/bank unless JPKI_BANK_DATA_DIR is set. */
  JPKI_DATA_DIR: nonEmpty.default(".data"),
  /** The bank's own data directory (PGlite); ":memory:" for an ephemeral instance. */
  JPKI_BANK_DATA_DIR: nonEmpty.optional(),
  /** A PostgreSQL URL; when set the bank uses it (schema JPKI_BANK_DATABASE_SCHEMA) instead of PGlite. */
  DATABASE_URL: nonEmpty.optional(),
  /** The bank's own PostgreSQL URL, preferred over DATABASE_URL. */
  JPKI_BANK_DATABASE_URL: nonEmpty.optional(),
  JPKI_BANK_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default("bank"),
  /** Where jlis is (clock, CA certificates, OCSP, linkage). */
  JPKI_BANK_JLIS_URL: z.url().default("http://127.0.0.1:4010"),
  /** jlis as a browser reaches it (the pages' links to its console); default JPKI_BANK_JLIS_URL. Differs in containers. */
  JPKI_BANK_JLIS_PUBLIC_URL: z.url().optional(),
  /** The bank's accredited-verifier credential at jlis; unset → jlis's dev-credentials.json (`verifier`). */
  JPKI_BANK_JLIS_VERIFIER_ID: nonEmpty.optional(),
  JPKI_BANK_JLIS_VERIFIER_SECRET: nonEmpty.optional(),
  /** jlis's dev-credentials.json; default <JPKI_DATA_DIR>/jlis/dev-credentials.json. */
  JPKI_BANK_JLIS_CREDENTIALS_FILE: nonEmpty.optional(),
  /** Where the portal is, server to server (signing requests and results). */
  JPKI_BANK_PORTAL_URL: z.url().default("http://127.0.0.1:4030"),
  /** The portal as a browser reaches it (the pages' links to its counter and wallet); default JPKI_BANK_PORTAL_URL. */
  JPKI_BANK_PORTAL_PUBLIC_URL: z.url().optional(),
  /** The bank's client credential at the portal; unset → the portal's dev-credentials.json (`bank`). */
  JPKI_BANK_PORTAL_CLIENT_ID: nonEmpty.optional(),
  JPKI_BANK_PORTAL_CLIENT_SECRET: nonEmpty.optional(),
  /** The portal's dev-credentials.json; default <JPKI_DATA_DIR>/portal/dev-credentials.json. */
  JPKI_BANK_PORTAL_CREDENTIALS_FILE: nonEmpty.optional(),
  /** Staff view password (HTTP Basic, user "staff"). A development default, printed at start. */
  JPKI_BANK_STAFF_PASSWORD: nonEmpty.default("sandbox-staff"),
  /** 64 hex digits keying the CSRF tokens (every replica the same); unset → random per start. */
  JPKI_BANK_SESSION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hexadecimal digits (32 bytes)").optional(),
  /** How long a login challenge (①') may be answered, and how long a login session lasts (real time). */
  JPKI_BANK_CHALLENGE_TTL_SECONDS: seconds(30, 3_600).default(300),
  JPKI_BANK_SESSION_TTL_SECONDS: seconds(60, 86_400).default(1_800),
  /** OCSP tryLater/internalError: this many more attempts, the first after this delay (doubling), then fail closed. */
  JPKI_BANK_OCSP_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  JPKI_BANK_OCSP_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  /** Re-validate every stored S this often (real time); 0 turns the schedule off (the staff button still works). */
  JPKI_BANK_REVALIDATION_INTERVAL_SECONDS: seconds(0, 7 * 86_400).default(3_600),
  JPKI_BANK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type BankEnv = z.infer<typeof envSchema>;

export interface Credential {
  id: string | undefined;
  secret: string | undefined;
  /** Read when id/secret are unset (written by the other app on start). */
  credentialsFile: string;
}

export interface BankConfig {
  host: string;
  port: number;
  /** undefined → derived from the bound address at start (tests on port 0). */
  publicUrl: string | undefined;
  /** undefined → ephemeral (in-memory database). */
  dataDir: string | undefined;
  database: DatabaseLocation;
  /** `publicUrl`: as a browser reaches it (links on the bank's pages); default `url`. */
  jlis: { url: string; publicUrl?: string } & Credential;
  portal: { url: string; publicUrl?: string } & Credential;
  staffPassword: string;
  sessionKey: Uint8Array | undefined;
  challengeTtlSeconds: number;
  sessionTtlSeconds: number;
  ocsp: { retries: number; retryDelayMs: number };
  revalidationIntervalSeconds: number;
  logLevel: BankEnv["JPKI_BANK_LOG_LEVEL"];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BankConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid bank configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDirSetting = e.JPKI_BANK_DATA_DIR ?? path.join(e.JPKI_DATA_DIR, "bank");
  const dataDir = dataDirSetting === ":memory:" ? undefined : path.resolve(cwd, dataDirSetting);
  const file = (setting: string | undefined, app: string) => path.resolve(cwd, setting ?? path.join(e.JPKI_DATA_DIR, app, "dev-credentials.json"));
  return {
    host: e.JPKI_BANK_HOST,
    port: e.JPKI_BANK_PORT,
    publicUrl: e.JPKI_BANK_PUBLIC_URL?.replace(/\/+$/, ""),
    dataDir,
    database: databaseLocation({ url: e.JPKI_BANK_DATABASE_URL ?? e.DATABASE_URL, schema: e.JPKI_BANK_DATABASE_SCHEMA, dataDir: dataDir ? path.join(dataDir, "pglite") : ":memory:" }),
    jlis: { url: e.JPKI_BANK_JLIS_URL.replace(/\/+$/, ""), publicUrl: e.JPKI_BANK_JLIS_PUBLIC_URL?.replace(/\/+$/, ""), id: e.JPKI_BANK_JLIS_VERIFIER_ID, secret: e.JPKI_BANK_JLIS_VERIFIER_SECRET, credentialsFile: file(e.JPKI_BANK_JLIS_CREDENTIALS_FILE, "jlis") },
    portal: { url: e.JPKI_BANK_PORTAL_URL.replace(/\/+$/, ""), publicUrl: e.JPKI_BANK_PORTAL_PUBLIC_URL?.replace(/\/+$/, ""), id: e.JPKI_BANK_PORTAL_CLIENT_ID, secret: e.JPKI_BANK_PORTAL_CLIENT_SECRET, credentialsFile: file(e.JPKI_BANK_PORTAL_CREDENTIALS_FILE, "portal") },
    staffPassword: e.JPKI_BANK_STAFF_PASSWORD,
    sessionKey: e.JPKI_BANK_SESSION_KEY ? Uint8Array.from(Buffer.from(e.JPKI_BANK_SESSION_KEY, "hex")) : undefined,
    challengeTtlSeconds: e.JPKI_BANK_CHALLENGE_TTL_SECONDS,
    sessionTtlSeconds: e.JPKI_BANK_SESSION_TTL_SECONDS,
    ocsp: { retries: e.JPKI_BANK_OCSP_RETRIES, retryDelayMs: e.JPKI_BANK_OCSP_RETRY_DELAY_MS },
    revalidationIntervalSeconds: e.JPKI_BANK_REVALIDATION_INTERVAL_SECONDS,
    logLevel: e.JPKI_BANK_LOG_LEVEL,
  };
}

/** An ephemeral configuration for tests: in memory, port 0, quiet, no schedule, fast OCSP retries. */
export function testConfig(overrides: Partial<BankConfig> = {}): BankConfig {
  return {
    ...configFromEnv({
      JPKI_BANK_DATA_DIR: ":memory:",
      JPKI_BANK_PORT: "0",
      JPKI_BANK_LOG_LEVEL: process.env.JPKI_BANK_TEST_LOG_LEVEL ?? "silent",
      JPKI_BANK_REVALIDATION_INTERVAL_SECONDS: "0",
      JPKI_BANK_OCSP_RETRY_DELAY_MS: "0",
    }),
    ...overrides,
  };
}
