/**
 * What infra's tests compare against: the apps' own settings (read from each app's src/config/env.ts, never
 * copied here) and the compose file as docker-compose resolves it.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";

export const infraDir = path.resolve(import.meta.dirname, "..");
export const repoRoot = path.resolve(infraDir, "..");
export const composeFile = path.join(infraDir, "docker-compose.yml");
export const dockerfile = path.join(infraDir, "Dockerfile");

/** The apps, each a compose service and a Dockerfile target of the same name. */
export const APPS = ["jlis", "bank", "portal"] as const;
export type App = (typeof APPS)[number];

/** `JPKI_JLIS_` for jlis: the prefix of an app's own knobs (STYLE.md: JPKI_<APP>_<KNOB>). */
export const knobPrefix = (app: App) => `JPKI_${app.toUpperCase()}_`;

export interface AppSettings {
  /** Every variable the app reads: the keys of its zod env schema. */
  names: string[];
  /** The app's own validation and resolution of an environment (throws ConfigError when invalid). */
  configFromEnv(env: Record<string, string>, cwd: string): {
    host: string;
    port: number;
    dataDir: string | undefined;
    database: { kind: string; schema?: string; url?: string };
  };
}

/**
 * Loads apps/<app>/src/config/env.ts (Vitest compiles it) and checks it still has the shape this relies
 * on: `envSchema`, a zod object whose keys are the variables (the file says nothing else reads
 * process.env), and `configFromEnv(env, cwd)`.
 */
export async function loadAppSettings(app: App): Promise<AppSettings> {
  const file = path.join(repoRoot, "apps", app, "src", "config", "env.ts");
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const schema = module.envSchema as { shape?: Record<string, unknown> } | undefined;
  if (!schema?.shape || typeof module.configFromEnv !== "function") {
    throw new Error(`${path.relative(repoRoot, file)} no longer exports envSchema (a zod object) and configFromEnv: update infra/test/support.ts`);
  }
  return { names: Object.keys(schema.shape).sort(), configFromEnv: module.configFromEnv as AppSettings["configFromEnv"] };
}

/** The docker-compose (v1) or `docker compose` (v2) command line, or undefined when neither is installed. */
export function findCompose(): string[] | undefined {
  for (const command of [["docker-compose"], ["docker", "compose"]]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), "version"], { encoding: "utf8", env: cleanEnv() });
    if (probe.status === 0) return command;
  }
  return undefined;
}

/**
 * An environment without the caller's JPKI_*, DATABASE_URL or POSTGRES_* settings, so the compose file's
 * `${VAR:-default}` resolve to its defaults (or to `overrides`) on every machine.
 */
export function cleanEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { LANG: "C.UTF-8" };
  for (const name of ["PATH", "HOME", "DOCKER_CONFIG"]) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...overrides };
}

export interface ComposeService {
  build?: { context?: string; dockerfile?: string; target?: string };
  image?: string;
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: string };
  ports?: (string | { target?: string; published?: string; host_ip?: string })[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export interface ComposeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCompose(command: string[], args: string[], overrides: Record<string, string> = {}): ComposeRun {
  const result = spawnSync(command[0]!, [...command.slice(1), "-f", composeFile, ...args], {
    encoding: "utf8",
    cwd: repoRoot,
    env: cleanEnv(overrides),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `docker-compose config`: the file with variables interpolated, anchors merged and defaults filled in. */
export function resolvedCompose(command: string[], overrides: Record<string, string> = {}): ComposeConfig {
  const run = runCompose(command, ["config"], overrides);
  if (run.status !== 0) throw new Error(`docker-compose config failed (exit ${run.status}):\n${run.stderr}`);
  // Every scalar as a string (the failsafe schema), as compose hands values to containers: PyYAML leaves
  // a hex key such as 7e57000…01 unquoted, and the yaml package would read it as the float Infinity.
  return parse(run.stdout, { schema: "failsafe" }) as ComposeConfig;
}

/** A service's environment (variables without a value left out). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) {
    if (value !== null && value !== undefined) env[name] = String(value);
  }
  return env;
}

/** Container ports a service publishes, as [published, target, hostIp] (v1 writes "127.0.0.1:4010:4010/tcp"). */
export function publishedPorts(service: ComposeService): { published: number; target: number; hostIp: string | undefined }[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === "object") return { published: Number(port.published), target: Number(port.target), hostIp: port.host_ip };
    const parts = port.replace(/\/(tcp|udp)$/, "").split(":");
    const target = Number(parts.pop());
    const published = Number(parts.pop() ?? target);
    return { published, target, hostIp: parts.pop() };
  });
}

/** Mount targets of a service's named volumes. */
export function namedVolumeTargets(service: ComposeService, declared: Record<string, unknown> | undefined): string[] {
  const targets: string[] = [];
  for (const volume of service.volumes ?? []) {
    const { source, target } = typeof volume === "string" ? splitVolume(volume) : { source: volume.source, target: volume.target };
    if (source && target && declared && Object.hasOwn(declared, source)) targets.push(target);
  }
  return targets;
}

function splitVolume(spec: string): { source: string | undefined; target: string | undefined } {
  const [source, target] = spec.split(":");
  return { source, target };
}
