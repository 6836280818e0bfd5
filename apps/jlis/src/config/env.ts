/**
 * jlis configuration: every knob is an environment variable with a default, validated once here (zod).
 * Nothing else in jlis reads process.env. Project knobs are JPKI_JLIS_<KNOB>; standard ones keep their names.
 */
import path from "node:path";
import { z } from "zod";
import { databaseLocation, type DatabaseLocation } from "@jpki-sandbox/service-kit";
import { OCSP_CHAOS_MODES } from "../domain/ocsp/chaos.js";
import { LINKAGE_CHAOS_MODES, type Chaos } from "../domain/sandbox-controls.js";


const port = z.coerce.number().int().min(0).max(65_535);
const nonEmpty = z.string().trim().min(1);
const milliseconds = z.coerce.number().int().min(0).max(600_000);

export const envSchema = z.object({
  /** Listening port (DESIGN.md: jlis is :4010). */
  JPKI_JLIS_PORT: port.default(4010),
  /** Interface to bind; 127.0.0.1 keeps the sandbox off the network (compose sets 0.0.0.0). */
  JPKI_JLIS_HOST: nonEmpty.default("127.0.0.1"),
  /** Base URL other parties use to reach jlis; goes into certificates (AIA OCSP, CRL URLs). */
  JPKI_JLIS_PUBLIC_URL: z.url().optional(),
  /** Root of every app's data (DESIGN.md); jlis uses <root>/jlis unless JPKI_JLIS_DATA_DIR is set. */
  JPKI_DATA_DIR: nonEmpty.default(".data"),
  /** jlis's own data directory (PGlite + CA keys); ":memory:" for an ephemeral instance with fresh keys. */
  JPKI_JLIS_DATA_DIR: nonEmpty.optional(),
  /** A PostgreSQL URL; when set jlis uses it (schema JPKI_JLIS_DATABASE_SCHEMA) instead of PGlite. */
  DATABASE_URL: nonEmpty.optional(),
  /** jlis's own PostgreSQL URL, preferred over DATABASE_URL. */
  JPKI_JLIS_DATABASE_URL: nonEmpty.optional(),
  JPKI_JLIS_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default("jlis"),
  /** Encrypts the CA and responder private keys at rest (PKCS#8 + AES-256-GCM via scrypt); unset → files 0600. */
  JPKI_JLIS_KEY_PASSPHRASE: nonEmpty.optional(),
  /** Operator console and admin API password (user "admin"). A development default, printed at start. */
  JPKI_JLIS_ADMIN_PASSWORD: nonEmpty.default("sandbox-admin"),
  /** The development municipal counter's id and secret; the secret is generated on first start when unset. */
  JPKI_JLIS_COUNTER_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default("dev-counter"),
  JPKI_JLIS_COUNTER_SECRET: z.string().min(16).optional(),
  /** The development accredited verifier (apps/bank) and its secret; the secret is generated when unset. */
  JPKI_JLIS_DEV_VERIFIER_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default("sandbox-bank"),
  JPKI_JLIS_DEV_VERIFIER_SECRET: z.string().min(16).optional(),
  /** OCSP responses' validity (nextUpdate − thisUpdate). */
  JPKI_JLIS_OCSP_VALIDITY_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(3_600),
  /** CRLs' validity; they are also re-issued on every revocation. JPKI publishes daily. */
  JPKI_JLIS_CRL_VALIDITY_SECONDS: z.coerce.number().int().min(300).max(30 * 86_400).default(86_400),
  /** Chaos knobs (off by default): what OCSP and linkage answer, and how slowly. */
  JPKI_JLIS_CHAOS_OCSP: z.enum(OCSP_CHAOS_MODES).default("off"),
  JPKI_JLIS_CHAOS_OCSP_DELAY_MS: milliseconds.default(0),
  JPKI_JLIS_CHAOS_LINKAGE: z.enum(LINKAGE_CHAOS_MODES).default("off"),
  JPKI_JLIS_CHAOS_LINKAGE_DELAY_MS: milliseconds.default(0),
  JPKI_JLIS_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type JlisEnv = z.infer<typeof envSchema>;

export interface JlisConfig {
  host: string;
  port: number;
  /** undefined → derived from the bound address at start (tests on port 0). */
  publicUrl: string | undefined;
  /** undefined → ephemeral: in-memory database and fresh keys. */
  dataDir: string | undefined;
  database: DatabaseLocation;
  keyPassphrase: string | undefined;
  adminPassword: string;
  counter: { id: string; secret: string | undefined };
  verifier: { id: string; secret: string | undefined };
  ocspValiditySeconds: number;
  crlValiditySeconds: number;
  chaos: Chaos;
  logLevel: JlisEnv["JPKI_JLIS_LOG_LEVEL"];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): JlisConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid jlis configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDirSetting = e.JPKI_JLIS_DATA_DIR ?? path.join(e.JPKI_DATA_DIR, "jlis");
  const dataDir = dataDirSetting === ":memory:" ? undefined : path.resolve(cwd, dataDirSetting);
  const database = databaseLocation({
    url: e.JPKI_JLIS_DATABASE_URL ?? e.DATABASE_URL,
    schema: e.JPKI_JLIS_DATABASE_SCHEMA,
    dataDir: dataDir ? path.join(dataDir, "pglite") : ":memory:",
  });
  return {
    host: e.JPKI_JLIS_HOST,
    port: e.JPKI_JLIS_PORT,
    publicUrl: e.JPKI_JLIS_PUBLIC_URL?.replace(/\/+$/, ""),
    dataDir,
    database,
    keyPassphrase: e.JPKI_JLIS_KEY_PASSPHRASE,
    adminPassword: e.JPKI_JLIS_ADMIN_PASSWORD,
    counter: { id: e.JPKI_JLIS_COUNTER_ID, secret: e.JPKI_JLIS_COUNTER_SECRET },
    verifier: { id: e.JPKI_JLIS_DEV_VERIFIER_ID, secret: e.JPKI_JLIS_DEV_VERIFIER_SECRET },
    ocspValiditySeconds: e.JPKI_JLIS_OCSP_VALIDITY_SECONDS,
    crlValiditySeconds: e.JPKI_JLIS_CRL_VALIDITY_SECONDS,
    chaos: {
      ocsp: { mode: e.JPKI_JLIS_CHAOS_OCSP, delayMs: e.JPKI_JLIS_CHAOS_OCSP_DELAY_MS },
      linkage: { mode: e.JPKI_JLIS_CHAOS_LINKAGE, delayMs: e.JPKI_JLIS_CHAOS_LINKAGE_DELAY_MS },
    },
    logLevel: e.JPKI_JLIS_LOG_LEVEL,
  };
}

/** An ephemeral configuration for tests: in memory, port 0, quiet. */
export function testConfig(overrides: Partial<JlisConfig> = {}): JlisConfig {
  return {
    ...configFromEnv({ JPKI_JLIS_DATA_DIR: ":memory:", JPKI_JLIS_PORT: "0", JPKI_JLIS_LOG_LEVEL: process.env.JPKI_JLIS_TEST_LOG_LEVEL ?? "silent" }),
    ...overrides,
  };
}
