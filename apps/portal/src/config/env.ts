/**
 * portal configuration: every knob is an environment variable with a default, validated once here (zod).
 * Nothing else in the portal reads process.env. Project knobs are JPKI_PORTAL_<KNOB>; standard ones keep
 * their names (DATABASE_URL).
 */
import path from "node:path";
import { databaseLocation, type DatabaseLocation } from "@jpki-sandbox/service-kit";
import { z } from "zod";
import { SIGNING_RESULT_CHAOS, type PortalChaos } from "../domain/chaos/signing-result-chaos.js";

const port = z.coerce.number().int().min(0).max(65_535);
const nonEmpty = z.string().trim().min(1);
const origins = z
  .string()
  .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url()).min(1));

export const envSchema = z.object({
  /** Listening port (DESIGN.md: the portal is :4030). */
  JPKI_PORTAL_PORT: port.default(4030),
  /** Interface to bind; 127.0.0.1 keeps the sandbox off the network (compose sets 0.0.0.0). */
  JPKI_PORTAL_HOST: nonEmpty.default("127.0.0.1"),
  /** Base URL browsers use to reach the portal (approval URLs handed to banks). */
  JPKI_PORTAL_PUBLIC_URL: z.url().optional(),
  /** Root of every app's data (DESIGN.md); the portal uses <root>/portal unless JPKI_PORTAL_DATA_DIR is set. */
  JPKI_DATA_DIR: nonEmpty.default(".data"),
  /** The portal's own data directory (PGlite + card key); ":memory:" for an ephemeral instance. */
  JPKI_PORTAL_DATA_DIR: nonEmpty.optional(),
  /** A PostgreSQL URL; when set the portal uses it (schema JPKI_PORTAL_DATABASE_SCHEMA) instead of PGlite. */
  DATABASE_URL: nonEmpty.optional(),
  /** The portal's own PostgreSQL URL, preferred over DATABASE_URL. */
  JPKI_PORTAL_DATABASE_URL: nonEmpty.optional(),
  JPKI_PORTAL_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default("portal"),
  /** Where jlis is (issuance, life events, OCSP, the sandbox clock). */
  JPKI_PORTAL_JLIS_URL: z.url().default("http://127.0.0.1:4010"),
  /** jlis as a browser reaches it (the console links); default JPKI_PORTAL_JLIS_URL. Differs in containers. */
  JPKI_PORTAL_JLIS_PUBLIC_URL: z.url().optional(),
  /** The portal's municipal-counter credential at jlis; unset → read from jlis's dev-credentials.json. */
  JPKI_PORTAL_JLIS_COUNTER_ID: nonEmpty.optional(),
  JPKI_PORTAL_JLIS_COUNTER_SECRET: nonEmpty.optional(),
  /** jlis's dev-credentials.json (written by jlis on start); default <JPKI_DATA_DIR>/jlis/dev-credentials.json. */
  JPKI_PORTAL_JLIS_CREDENTIALS_FILE: nonEmpty.optional(),
  /** 64 hex digits: the key that encrypts the cards' private keys at rest; unset → generated into the data dir. */
  JPKI_PORTAL_CARD_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hexadecimal digits (32 bytes)").optional(),
  /** Operator API password (user "admin"), used by the CLI. A development default, printed at start. */
  JPKI_PORTAL_ADMIN_PASSWORD: nonEmpty.default("sandbox-admin"),
  /** The development bank client registered on start (apps/bank uses it); secret generated when unset. */
  JPKI_PORTAL_DEV_BANK_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default("sandbox-bank"),
  JPKI_PORTAL_DEV_BANK_SECRET: z.string().min(16).optional(),
  JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: origins.default(["http://127.0.0.1:4020", "http://localhost:4020"]),
  /** How long a bank's signing request waits for the citizen, and how long its one-time code lives. */
  JPKI_PORTAL_REQUEST_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  JPKI_PORTAL_CODE_TTL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(120),
  /** Chaos for relying parties' tests: `tamper` alters one byte of every signing result a bank redeems. */
  JPKI_PORTAL_CHAOS_SIGNING_RESULT: z.enum(SIGNING_RESULT_CHAOS).default("off"),
  JPKI_PORTAL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type PortalEnv = z.infer<typeof envSchema>;

export interface PortalConfig {
  host: string;
  port: number;
  /** undefined → derived from the bound address at start (tests on port 0). */
  publicUrl: string | undefined;
  /** undefined → ephemeral: in-memory database and a fresh card key. */
  dataDir: string | undefined;
  database: DatabaseLocation;
  jlis: { url: string; /** as a browser reaches it; default url */ publicUrl?: string; counterId: string | undefined; counterSecret: string | undefined; credentialsFile: string };
  /** 32 bytes, or undefined → from/into the data dir (or random when ephemeral). */
  cardKey: Uint8Array | undefined;
  adminPassword: string;
  devBank: { id: string; secret: string | undefined; returnOrigins: string[] };
  requestTtlSeconds: number;
  codeTtlSeconds: number;
  chaos: PortalChaos;
  logLevel: PortalEnv["JPKI_PORTAL_LOG_LEVEL"];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PortalConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid portal configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDirSetting = e.JPKI_PORTAL_DATA_DIR ?? path.join(e.JPKI_DATA_DIR, "portal");
  const dataDir = dataDirSetting === ":memory:" ? undefined : path.resolve(cwd, dataDirSetting);
  const database = databaseLocation({
    url: e.JPKI_PORTAL_DATABASE_URL ?? e.DATABASE_URL,
    schema: e.JPKI_PORTAL_DATABASE_SCHEMA,
    dataDir: dataDir ? path.join(dataDir, "pglite") : ":memory:",
  });
  return {
    host: e.JPKI_PORTAL_HOST,
    port: e.JPKI_PORTAL_PORT,
    publicUrl: e.JPKI_PORTAL_PUBLIC_URL?.replace(/\/+$/, ""),
    dataDir,
    database,
    jlis: {
      url: e.JPKI_PORTAL_JLIS_URL.replace(/\/+$/, ""),
      publicUrl: (e.JPKI_PORTAL_JLIS_PUBLIC_URL ?? e.JPKI_PORTAL_JLIS_URL).replace(/\/+$/, ""),
      counterId: e.JPKI_PORTAL_JLIS_COUNTER_ID,
      counterSecret: e.JPKI_PORTAL_JLIS_COUNTER_SECRET,
      credentialsFile: path.resolve(cwd, e.JPKI_PORTAL_JLIS_CREDENTIALS_FILE ?? path.join(e.JPKI_DATA_DIR, "jlis", "dev-credentials.json")),
    },
    cardKey: e.JPKI_PORTAL_CARD_KEY ? Uint8Array.from(Buffer.from(e.JPKI_PORTAL_CARD_KEY, "hex")) : undefined,
    adminPassword: e.JPKI_PORTAL_ADMIN_PASSWORD,
    devBank: { id: e.JPKI_PORTAL_DEV_BANK_ID, secret: e.JPKI_PORTAL_DEV_BANK_SECRET, returnOrigins: e.JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS },
    requestTtlSeconds: e.JPKI_PORTAL_REQUEST_TTL_SECONDS,
    codeTtlSeconds: e.JPKI_PORTAL_CODE_TTL_SECONDS,
    chaos: { signingResult: e.JPKI_PORTAL_CHAOS_SIGNING_RESULT },
    logLevel: e.JPKI_PORTAL_LOG_LEVEL,
  };
}

/** An ephemeral configuration for tests: in memory, port 0, quiet. */
export function testConfig(overrides: Partial<PortalConfig> = {}): PortalConfig {
  return {
    ...configFromEnv({
      JPKI_PORTAL_DATA_DIR: ":memory:",
      JPKI_PORTAL_PORT: "0",
      JPKI_PORTAL_LOG_LEVEL: process.env.JPKI_PORTAL_TEST_LOG_LEVEL ?? "silent",
    }),
    ...overrides,
  };
}
