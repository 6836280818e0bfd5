/**
 * infra/Dockerfile read as text (no Docker engine here): its stages, and that what the runtime stages copy
 * is what the apps import at run time (infra/docker/assemble.mjs decides that from package.json).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkspaces, runtimeClosure, runtimePackages, runtimePaths } from "../docker/assemble.mjs";
import { APPS, type AppSettings, dockerfile, knobPrefix, loadAppSettings, repoRoot } from "./support.js";

interface Stage {
  from: string;
  name: string | undefined;
  /** Instructions after FROM, continuation lines joined, comments dropped: ["ENV", "A=1 B=2"]. */
  instructions: [string, string][];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of logical) {
    const [, keyword = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      stages.push({ from: match?.[1] ?? rest, name: match?.[2], instructions: [] });
    } else {
      stages.at(-1)?.instructions.push([keyword.toUpperCase(), rest]);
    }
  }
  return stages;
}

/** `ENV A=1 B="2"` → { A: "1", B: "2" } for a stage and the stages it is built FROM. */
function envOf(stages: Stage[], stage: Stage): Record<string, string> {
  const parent = stages.find((s) => s.name === stage.from);
  const env: Record<string, string> = parent ? envOf(stages, parent) : {};
  for (const [keyword, rest] of stage.instructions) {
    if (keyword !== "ENV") continue;
    for (const [, name = "", value = ""] of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) env[name] = value.replace(/^"|"$/g, "");
  }
  return env;
}

/** Workspace packages imported by the non-test server code under dir/src (the web UI is bundled by Vite). */
function workspaceImports(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!["web", "test-support", "generated", "testing"].includes(entry.name)) walk(file);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.startsWith("test-support")) {
        const source = readFileSync(file, "utf8");
        // Static imports and re-exports (not `import type`, erased at build) and dynamic imports.
        for (const [, name] of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](@jpki-sandbox\/[a-z0-9-]+)/gm)) found.add(name!);
        for (const [, name] of source.matchAll(/\bimport\(\s*["'](@jpki-sandbox\/[a-z0-9-]+)/g)) found.add(name!);
      }
    }
  };
  walk(path.join(repoRoot, dir, "src"));
  return found;
}

const stages = parseDockerfile(readFileSync(dockerfile, "utf8"));

describe("infra/Dockerfile", () => {
  const settings = {} as Record<(typeof APPS)[number], AppSettings>;
  beforeAll(async () => {
    for (const app of APPS) settings[app] = await loadAppSettings(app);
  });

  it("is multi-stage on node:20-slim only", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const names = new Set(stages.map((s) => s.name));
    for (const stage of stages) {
      expect(stage.from === "node:20-slim" || names.has(stage.from), `FROM ${stage.from}`).toBe(true);
    }
  });

  it("builds in a stage of its own: npm ci, then turbo build", () => {
    const build = stages.find((s) => s.name === "build");
    const runs = build?.instructions.filter(([k]) => k === "RUN").map(([, rest]) => rest) ?? [];
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bturbo run build\b/.test(r))).toBe(true);
  });

  describe.each(APPS)("target %s", (app) => {
    const stage = stages.find((s) => s.name === app);

    it("exists, copies only from the build stage's /out/<app>, and runs dist/main.js", () => {
      expect(stage, `no stage "AS ${app}"`).toBeDefined();
      const copies = stage!.instructions.filter(([k]) => k === "COPY").map(([, rest]) => rest);
      expect(copies).toEqual([`--from=build /out/${app} /app`]);
      expect(stage!.instructions).toContainEqual(["CMD", '["node", "dist/main.js"]']);
      expect(stage!.instructions).toContainEqual(["WORKDIR", `/app/apps/${app}`]);
    });

    it("runs as a non-root user, in production mode, with a node healthcheck", () => {
      const user = stage!.instructions.filter(([k]) => k === "USER").at(-1)?.[1];
      expect(user).toBeDefined();
      expect(["root", "0"]).not.toContain(user);
      expect(envOf(stages, stage!).NODE_ENV).toBe("production");
      const healthcheck = stage!.instructions.find(([k]) => k === "HEALTHCHECK")?.[1] ?? "";
      expect(healthcheck).toContain(`CMD ["node", "/app/healthcheck.mjs", "${app}"]`);
    });

    it("sets only variables the app reads, binding 0.0.0.0", () => {
      const env = envOf(stages, stage!);
      const read = new Set(settings[app].names);
      const ours = Object.keys(env).filter((name) => name.startsWith("JPKI_") || name === "DATABASE_URL");
      expect(ours.filter((name) => !read.has(name))).toEqual([]);
      expect(env[`${knobPrefix(app)}HOST`]).toBe("0.0.0.0");
    });
  });
});

describe("infra/docker/assemble.mjs", () => {
  const workspaces = readWorkspaces(repoRoot);

  it.each(APPS)("copies every workspace package %s's server code imports (and their own imports)", (app) => {
    const closure = runtimeClosure(workspaces, `apps/${app}`);
    const copied = new Set(closure.map((w) => w.name));
    for (const workspace of closure) {
      const missing = [...workspaceImports(workspace.dir)].filter((name) => !copied.has(name));
      expect(missing, `${workspace.dir} imports these at run time but they are not in its package.json dependencies`).toEqual([]);
    }
  });

  it.each(APPS)("takes from node_modules what %s runs with, and no build or test tooling", (app) => {
    const packages = runtimePackages(repoRoot, runtimeClosure(workspaces, `apps/${app}`));
    expect(packages).toEqual(expect.arrayContaining(["node_modules/@prisma/client", "node_modules/express", "node_modules/pg", "node_modules/zod"]));
    const tooling = ["prisma", "typescript", "vite", "vitest", "eslint", "turbo", "tsx", "@playwright/test"];
    expect(packages.filter((p) => tooling.some((name) => p === `node_modules/${name}` || p.endsWith(`/node_modules/${name}`)))).toEqual([]);
  });

  it.each(APPS)("copies %s's dist and migrations, and its packages' published files", (app) => {
    const [self, ...packages] = runtimeClosure(workspaces, `apps/${app}`);
    expect(runtimePaths(self!, true)).toEqual(expect.arrayContaining([`apps/${app}/dist`, `apps/${app}/prisma/migrations`]));
    for (const workspace of packages) {
      expect(workspace.dir).toMatch(/^packages\//);
      expect(runtimePaths(workspace, false).some((p) => p.startsWith(`${workspace.dir}/dist`))).toBe(true);
    }
  });
});
