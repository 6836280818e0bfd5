/**
 * infra/docker-compose.yml against the apps it runs. The variables come from each app's own env.ts (its zod
 * schema), so a knob added to an app fails here until the compose file sets it or says why it does not.
 * docker-compose is needed to resolve the file; without it these tests skip locally and fail in CI.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  APPS,
  type App,
  type AppSettings,
  type ComposeConfig,
  environmentOf,
  findCompose,
  knobPrefix,
  loadAppSettings,
  namedVolumeTargets,
  publishedPorts,
  resolvedCompose,
  runCompose,
} from "./support.js";

/**
 * Settings an app reads that the compose file leaves unset on purpose, and why. Each would only repeat or
 * shadow one that is set; the test below also fails when one of these is set, or is no longer read.
 */
const UNSET_ON_PURPOSE: Record<App, Record<string, string>> = {
  jlis: {
    JPKI_JLIS_DATABASE_URL: "DATABASE_URL is set (schema jlis); a per-app URL would only repeat it",
  },
  bank: {
    JPKI_BANK_DATABASE_URL: "DATABASE_URL is set (schema bank); a per-app URL would only repeat it",
    JPKI_BANK_JLIS_CREDENTIALS_FILE: "the verifier id and secret are set; jlis's dev-credentials.json lives in jlis's volume",
    JPKI_BANK_PORTAL_CREDENTIALS_FILE: "the client id and secret are set; the portal's dev-credentials.json lives in its volume",
  },
  portal: {
    JPKI_PORTAL_DATABASE_URL: "DATABASE_URL is set (schema portal); a per-app URL would only repeat it",
    JPKI_PORTAL_JLIS_CREDENTIALS_FILE: "the counter id and secret are set; jlis's dev-credentials.json lives in jlis's volume",
  },
};

/** Variables whose URLs a browser follows (or that end up in certificates): never a compose service name. */
const isBrowserFacing = (name: string) => name.endsWith("_PUBLIC_URL") || name === "JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS";
const PUBLIC_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** Credentials one app registers and another presents: [service, variable] pairs that must be equal. */
const SHARED: [string, [App, string], [App, string]][] = [
  ["municipal counter id", ["jlis", "JPKI_JLIS_COUNTER_ID"], ["portal", "JPKI_PORTAL_JLIS_COUNTER_ID"]],
  ["municipal counter secret", ["jlis", "JPKI_JLIS_COUNTER_SECRET"], ["portal", "JPKI_PORTAL_JLIS_COUNTER_SECRET"]],
  ["accredited verifier id", ["jlis", "JPKI_JLIS_DEV_VERIFIER_ID"], ["bank", "JPKI_BANK_JLIS_VERIFIER_ID"]],
  ["accredited verifier secret", ["jlis", "JPKI_JLIS_DEV_VERIFIER_SECRET"], ["bank", "JPKI_BANK_JLIS_VERIFIER_SECRET"]],
  ["bank client id", ["portal", "JPKI_PORTAL_DEV_BANK_ID"], ["bank", "JPKI_BANK_PORTAL_CLIENT_ID"]],
  ["bank client secret", ["portal", "JPKI_PORTAL_DEV_BANK_SECRET"], ["bank", "JPKI_BANK_PORTAL_CLIENT_SECRET"]],
];

const compose = findCompose();

describe("docker-compose", () => {
  it("is installed (apt-get install docker-compose; .ci/run installs it)", (context) => {
    if (!compose && !process.env.CI) context.skip("docker-compose is not installed here; CI fails instead of skipping");
    expect(compose, "docker-compose (or `docker compose`) is not on the PATH: infra/docker-compose.yml cannot be validated. .ci/run installs Debian's docker-compose package.").toBeDefined();
  });
});

describe.skipIf(!compose)("infra/docker-compose.yml", () => {
  let config: ComposeConfig;
  const settings = {} as Record<App, AppSettings>;
  const env = (service: string) => environmentOf(config.services[service] ?? {});

  beforeAll(async () => {
    config = resolvedCompose(compose!);
    for (const app of APPS) settings[app] = await loadAppSettings(app);
  });

  it("passes `docker-compose config -q`", () => {
    const run = runCompose(compose!, ["config", "-q"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("runs postgres and the three apps", () => {
    expect(Object.keys(config.services).sort()).toEqual(["postgres", ...APPS].sort());
  });

  describe.each(APPS)("%s", (app) => {
    it("sets every variable the app reads (its env.ts schema), but those unset on purpose", () => {
      const set = new Set(Object.keys(env(app)));
      const missing = settings[app].names.filter((name) => !set.has(name) && !Object.hasOwn(UNSET_ON_PURPOSE[app], name));
      expect(missing, `read by apps/${app}/src/config/env.ts but not set for service ${app}`).toEqual([]);
    });

    it("sets no variable the app does not read", () => {
      const read = new Set(settings[app].names);
      const unknown = Object.keys(env(app)).filter((name) => !read.has(name));
      expect(unknown, `set for service ${app} but not read by apps/${app}/src/config/env.ts (typo? removed knob?)`).toEqual([]);
    });

    it("leaves unset only variables the app reads, for the reasons given", () => {
      const set = env(app);
      for (const name of Object.keys(UNSET_ON_PURPOSE[app])) {
        expect(settings[app].names, `${name} is listed as unset on purpose but the app no longer reads it`).toContain(name);
        expect(set[name], `${name} is listed as unset on purpose but the compose file sets it`).toBeUndefined();
      }
    });

    it("is accepted by the app's own configuration: 0.0.0.0, PostgreSQL in its own schema, data in a volume", () => {
      const service = config.services[app]!;
      const resolved = settings[app].configFromEnv(env(app), `/app/apps/${app}`);
      expect(resolved.host).toBe("0.0.0.0");
      expect(resolved.database).toMatchObject({ kind: "postgres", schema: app });
      expect(publishedPorts(service).map((p) => p.target)).toContain(resolved.port);
      expect(namedVolumeTargets(service, config.volumes)).toContain(resolved.dataDir);
    });

    it("builds from infra/Dockerfile's target of the same name", () => {
      const build = config.services[app]!.build;
      expect(build?.dockerfile).toBe("infra/Dockerfile");
      expect(build?.target).toBe(app);
    });

    it("starts only once the services it depends on are healthy, PostgreSQL first", () => {
      const dependsOn = config.services[app]!.depends_on;
      expect(dependsOn).not.toBeInstanceOf(Array);
      const conditions = Object.entries(dependsOn ?? {}) as [string, { condition?: string }][];
      expect(conditions.map(([name]) => name)).toContain("postgres");
      for (const [name, { condition }] of conditions) expect(condition, `${app} → ${name}`).toBe("service_healthy");
    });
  });

  it("gives every service a healthcheck", () => {
    for (const [name, service] of Object.entries(config.services)) {
      expect(service.healthcheck?.test, `${name} has no healthcheck`).toBeTruthy();
      expect(service.healthcheck?.disable, `${name}'s healthcheck is disabled`).not.toBe("true");
    }
  });

  it("points service-to-service URLs at services that exist, on the ports they listen on", () => {
    const listening = (service: string): number | undefined =>
      service === "postgres" ? 5432 : Number(env(service)[`${knobPrefix(service as App)}PORT`]);
    const checked: string[] = [];
    for (const app of APPS) {
      for (const [name, value] of Object.entries(env(app))) {
        if (isBrowserFacing(name) || !/^[a-z][a-z0-9+.-]*:\/\//.test(value)) continue;
        const url = new URL(value);
        const port = url.port ? Number(url.port) : url.protocol === "http:" ? 80 : undefined;
        expect(Object.keys(config.services), `${app} ${name}=${value}: no service ${url.hostname}`).toContain(url.hostname);
        expect(port, `${app} ${name}=${value}: ${url.hostname} listens on ${listening(url.hostname)}`).toBe(listening(url.hostname));
        checked.push(`${app} ${name}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["bank JPKI_BANK_JLIS_URL", "bank JPKI_BANK_PORTAL_URL", "portal JPKI_PORTAL_JLIS_URL", "jlis DATABASE_URL"]));
  });

  it("gives browsers public URLs: localhost and the port the app publishes", () => {
    for (const app of APPS) {
      const publicUrl = env(app)[`${knobPrefix(app)}PUBLIC_URL`];
      expect(publicUrl, `${app} has no public URL`).toBeDefined();
      const url = new URL(publicUrl!);
      expect(PUBLIC_HOSTS.has(url.hostname), `${app} public URL ${publicUrl} is not a browser's`).toBe(true);
      expect(publishedPorts(config.services[app]!).map((p) => p.published)).toContain(Number(url.port));
    }
  });

  it("lets the portal send the citizen back to the bank's public origin", () => {
    const bankOrigin = new URL(env("bank").JPKI_BANK_PUBLIC_URL!).origin;
    const allowed = env("portal").JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS!.split(",").map((origin) => origin.trim());
    expect(allowed).toContain(bankOrigin);
  });

  it("gives each pair of services the same shared credentials, also when they are overridden", () => {
    const overridden = resolvedCompose(compose!, {
      JPKI_JLIS_COUNTER_SECRET: "override-counter-secret",
      JPKI_JLIS_DEV_VERIFIER_SECRET: "override-verifier-secret",
      JPKI_PORTAL_DEV_BANK_SECRET: "override-bank-client-secret",
    });
    for (const resolved of [config, overridden]) {
      for (const [what, [appA, nameA], [appB, nameB]] of SHARED) {
        const a = environmentOf(resolved.services[appA]!)[nameA];
        expect(a, `${what}: ${appA} ${nameA}`).toBeTruthy();
        expect(environmentOf(resolved.services[appB]!)[nameB], `${what}: ${appB} ${nameB} ≠ ${appA} ${nameA}`).toBe(a);
      }
    }
    expect(environmentOf(overridden.services.portal!).JPKI_PORTAL_JLIS_COUNTER_SECRET).toBe("override-counter-secret");
  });

  it("connects every app to the postgres service with its user, password and database", () => {
    const postgres = env("postgres");
    for (const password of [undefined, "override-postgres-password"]) {
      const resolved = password ? resolvedCompose(compose!, { POSTGRES_PASSWORD: password }) : config;
      const pg = environmentOf(resolved.services.postgres!);
      for (const app of APPS) {
        const url = new URL(environmentOf(resolved.services[app]!).DATABASE_URL!);
        expect(url.hostname).toBe("postgres");
        expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER);
        expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
        expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
      }
    }
    expect(postgres.POSTGRES_PASSWORD).toBeTruthy();
  });
});
