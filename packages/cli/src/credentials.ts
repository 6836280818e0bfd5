/**
 * Where the CLI's jlis credentials come from, first match wins: the command's flags, the environment
 * (JPKI_JLIS_COUNTER_ID / _SECRET, JPKI_JLIS_ADMIN_PASSWORD), then the dev-credentials.json jlis writes on
 * start (apps/jlis app.ts ensureDevCounter). The admin password falls back to jlis's development default.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CliEnv } from "./env.js";
import { CliError } from "./io.js";

/** jlis's defaults (apps/jlis src/config/env.ts): counter id and admin password when not configured. */
export const DEFAULT_COUNTER_ID = "dev-counter";
export const DEFAULT_ADMIN_PASSWORD = "sandbox-admin";
export const ADMIN_USER = "admin";

export interface BasicCredential {
  user: string;
  password: string;
  /** Where it came from, for messages: "flags", "environment", a file path, or "default". */
  source: string;
}

/** The shape of `<jlis data dir>/dev-credentials.json`; every member optional, since it is read, not trusted. */
export interface DevCredentialsFile {
  counter?: { id?: string; secret?: string };
  admin?: { user?: string; password?: string };
}

/** `$JPKI_JLIS_DATA_DIR/dev-credentials.json`, else `<JPKI_DATA_DIR or .data>/jlis/dev-credentials.json` (as jlis resolves it). */
export function devCredentialsPath(env: CliEnv): string | undefined {
  if (env.jlisDataDir === ":memory:") return undefined; // an ephemeral jlis writes no file
  return join(env.jlisDataDir ?? join(env.dataDir, "jlis"), "dev-credentials.json");
}

/** Reads the dev-credentials file; undefined when there is none, CREDENTIALS_MALFORMED when it is not JSON. */
export function readDevCredentials(path: string | undefined): DevCredentialsFile | undefined {
  if (path === undefined || !existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new CliError("CREDENTIALS_MALFORMED", `${path} is not valid JSON (delete it and restart jlis)`, { cause });
  }
  if (typeof json !== "object" || json === null) throw new CliError("CREDENTIALS_MALFORMED", `${path} is not a JSON object`);
  const file = json as Record<string, unknown>;
  return { counter: pick(file.counter, "id", "secret"), admin: pick(file.admin, "user", "password") };
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

export interface CounterFlags {
  counterId?: string;
  counterSecret?: string;
}

/** The municipal counter's HTTP Basic credential (`counterId:secret`), or CREDENTIALS_MISSING saying how to give one. */
export function resolveCounterCredential(flags: CounterFlags, env: CliEnv): BasicCredential {
  const path = devCredentialsPath(env);
  if (flags.counterSecret !== undefined) {
    return { user: flags.counterId ?? env.counterId ?? DEFAULT_COUNTER_ID, password: flags.counterSecret, source: "flags" };
  }
  if (env.counterSecret !== undefined) {
    return { user: flags.counterId ?? env.counterId ?? DEFAULT_COUNTER_ID, password: env.counterSecret, source: "environment" };
  }
  const saved = readDevCredentials(path)?.counter;
  if (saved?.secret !== undefined) {
    // An id given explicitly still wins; the secret must then belong to it, which jlis checks.
    return { user: flags.counterId ?? env.counterId ?? saved.id ?? DEFAULT_COUNTER_ID, password: saved.secret, source: path! };
  }
  throw new CliError(
    "CREDENTIALS_MISSING",
    "no municipal counter credential: pass --counter-id and --counter-secret, set JPKI_JLIS_COUNTER_ID and " +
      `JPKI_JLIS_COUNTER_SECRET, or start jlis (npm start) so that it writes ${path ?? "<JPKI_DATA_DIR>/jlis/dev-credentials.json"}`,
  );
}

/** The operator's credential (`admin:<password>`); falls back to jlis's development default password. */
export function resolveAdminCredential(flags: { adminPassword?: string }, env: CliEnv): BasicCredential {
  if (flags.adminPassword !== undefined) return { user: ADMIN_USER, password: flags.adminPassword, source: "flags" };
  if (env.adminPassword !== undefined) return { user: ADMIN_USER, password: env.adminPassword, source: "environment" };
  const path = devCredentialsPath(env);
  const saved = readDevCredentials(path)?.admin?.password;
  if (saved !== undefined) return { user: ADMIN_USER, password: saved, source: path! };
  return { user: ADMIN_USER, password: DEFAULT_ADMIN_PASSWORD, source: "default" };
}
