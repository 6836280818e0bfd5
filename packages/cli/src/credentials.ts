/**
 * Where the CLI's operator credentials come from, first match wins: the command's flag, the environment
 * (JPKI_JLIS_ADMIN_PASSWORD, JPKI_PORTAL_ADMIN_PASSWORD), then the dev-credentials.json the service writes on
 * start into its data directory (apps/jlis app.ts ensureDevCounter, apps/portal app.ts ensureDevBank), then
 * the services' development default password. The user is always `admin`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CliEnv } from "./env.js";
import { CliError } from "./io.js";

/** The services' development default (apps/jlis and apps/portal src/config/env.ts) when none is configured. */
export const DEFAULT_ADMIN_PASSWORD = "sandbox-admin";
export const ADMIN_USER = "admin";

/** The sandbox services that write a dev-credentials.json the CLI reads. */
export type CredentialService = "jlis" | "portal";

export interface BasicCredential {
  user: string;
  password: string;
  /** Where it came from, for messages: "flags", "environment", a file path, or "default". */
  source: string;
}

/**
 * The part of `<service data dir>/dev-credentials.json` the CLI reads; optional, since it is read, not trusted.
 * jlis writes `{ counter, admin }`, the portal `{ bank, admin }`; only `admin` is the CLI's business.
 */
export interface DevCredentialsFile {
  admin?: { user?: string; password?: string };
}

/**
 * `$JPKI_<SERVICE>_DATA_DIR/dev-credentials.json`, else `<JPKI_DATA_DIR or .data>/<service>/dev-credentials.json`
 * (as each service resolves its data directory); undefined for an in-memory service, which writes none.
 */
export function devCredentialsPath(env: CliEnv, service: CredentialService = "jlis"): string | undefined {
  const own = service === "jlis" ? env.jlisDataDir : env.portalDataDir;
  if (own === ":memory:") return undefined;
  return join(own ?? join(env.dataDir, service), "dev-credentials.json");
}

/** Reads a dev-credentials file; undefined when there is none, CREDENTIALS_MALFORMED when it is not JSON. */
export function readDevCredentials(path: string | undefined, service: CredentialService = "jlis"): DevCredentialsFile | undefined {
  if (path === undefined || !existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new CliError("CREDENTIALS_MALFORMED", `${path} is not valid JSON (delete it and restart ${service === "portal" ? "the portal" : "jlis"})`, { cause });
  }
  if (typeof json !== "object" || json === null) throw new CliError("CREDENTIALS_MALFORMED", `${path} is not a JSON object`);
  return { admin: pick((json as Record<string, unknown>).admin, "user", "password") };
}

function pick<K extends string>(value: unknown, ...keys: K[]): Partial<Record<K, string>> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const picked: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const member = record[key];
    if (typeof member === "string" && member.length > 0) picked[key] = member;
  }
  return picked;
}

/** `admin:<password>` for a service: the flag, the environment, the service's dev-credentials.json, the default. */
function resolveOperatorCredential(service: CredentialService, flag: string | undefined, fromEnv: string | undefined, env: CliEnv): BasicCredential {
  if (flag !== undefined) return { user: ADMIN_USER, password: flag, source: "flags" };
  if (fromEnv !== undefined) return { user: ADMIN_USER, password: fromEnv, source: "environment" };
  const path = devCredentialsPath(env, service);
  const saved = readDevCredentials(path, service)?.admin?.password;
  if (saved !== undefined) return { user: ADMIN_USER, password: saved, source: path! };
  return { user: ADMIN_USER, password: DEFAULT_ADMIN_PASSWORD, source: "default" };
}

/** jlis's operator (`--admin-password`, JPKI_JLIS_ADMIN_PASSWORD, `<jlis data dir>/dev-credentials.json`). */
export function resolveAdminCredential(flags: { adminPassword?: string }, env: CliEnv): BasicCredential {
  return resolveOperatorCredential("jlis", flags.adminPassword, env.adminPassword, env);
}

/** The portal's operator (`--portal-password`, JPKI_PORTAL_ADMIN_PASSWORD, `<portal data dir>/dev-credentials.json`). */
export function resolvePortalOperatorCredential(flags: { portalPassword?: string }, env: CliEnv): BasicCredential {
  return resolveOperatorCredential("portal", flags.portalPassword, env.portalAdminPassword, env);
}
