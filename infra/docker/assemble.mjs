#!/usr/bin/env node
/**
 * Lays out what one app needs at run time, for the runtime targets of infra/Dockerfile (TEST ONLY images):
 *
 *   node infra/docker/assemble.mjs <app> <outDir>      e.g. node infra/docker/assemble.mjs jlis /out/jlis
 *
 * <outDir>/apps/<app>/          package.json, dist/ (server, built web UI, generated Prisma client) and
 *                               prisma/migrations (applied from Node at start)
 * <outDir>/packages/<name>/     package.json and its published `files` (dist/…) for every workspace package in
 *                               the app's run-time closure: `dependencies`, followed transitively, never
 *                               devDependencies
 * <outDir>/node_modules/        only the installed packages those run with: `dependencies`,
 *                               `optionalDependencies` and non-optional `peerDependencies`, resolved the way
 *                               Node resolves them, transitively; plus links to the workspace packages above
 *
 * The relative paths stay as in the repository, so the workspace links (node_modules/@jpki-sandbox/x →
 * ../../packages/x) and each app's `../../dist/web` and `../prisma/migrations` resolve unchanged.
 * Dependency-free on purpose: the build stage runs it with Node alone.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @typedef {{
 *   name: string,
 *   files?: string[],
 *   dependencies?: Record<string, string>,
 *   optionalDependencies?: Record<string, string>,
 *   peerDependencies?: Record<string, string>,
 *   peerDependenciesMeta?: Record<string, { optional?: boolean }>,
 * }} Manifest
 * @typedef {{ name: string, dir: string, manifest: Manifest }} Workspace
 */

/**
 * The root package.json's workspaces ("apps/*", "packages/*", "e2e", …), by package name.
 * @param {string} root
 * @returns {Map<string, Workspace>}
 */
export function readWorkspaces(root) {
  /** @type {{ workspaces?: string[] }} */
  const rootManifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  /** @type {Map<string, Workspace>} */
  const workspaces = new Map();
  for (const pattern of rootManifest.workspaces ?? []) {
    /** @type {string[]} */
    let dirs = [pattern];
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2);
      const parentDir = path.join(root, parent);
      dirs = existsSync(parentDir)
        ? readdirSync(parentDir, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${parent}/${entry.name}`)
        : [];
    } else if (pattern.includes("*")) {
      throw new Error(`assemble: workspace pattern ${pattern} is not supported (only "dir" and "dir/*")`);
    }
    for (const dir of dirs) {
      const manifestPath = path.join(root, dir, "package.json");
      if (!existsSync(manifestPath)) continue;
      /** @type {Manifest} */
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      workspaces.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return workspaces;
}

/**
 * The workspace packages an app runs with: itself and its `dependencies` that are workspaces, transitively.
 * @param {Map<string, Workspace>} workspaces
 * @param {string} appDir e.g. "apps/jlis"
 * @returns {Workspace[]} the app first
 */
export function runtimeClosure(workspaces, appDir) {
  const app = [...workspaces.values()].find((w) => w.dir === appDir);
  if (!app) throw new Error(`assemble: no workspace at ${appDir}`);
  /** @type {Workspace[]} */
  const closure = [];
  const seen = new Set();
  const queue = [app];
  while (queue.length > 0) {
    const next = /** @type {Workspace} */ (queue.shift());
    if (seen.has(next.name)) continue;
    seen.add(next.name);
    closure.push(next);
    for (const dependency of Object.keys(next.manifest.dependencies ?? {})) {
      const workspace = workspaces.get(dependency);
      if (workspace) queue.push(workspace);
    }
  }
  return closure;
}

/**
 * Repository-relative paths to copy for one workspace of the closure.
 * @param {Workspace} workspace
 * @param {boolean} isApp
 * @returns {string[]}
 */
export function runtimePaths(workspace, isApp) {
  const own = isApp ? ["dist", "prisma/migrations"] : (workspace.manifest.files ?? ["dist"]);
  return ["package.json", ...own].map((p) => path.posix.join(workspace.dir, p));
}

/**
 * Installed packages (outside the workspaces) that the closure runs with, as repository-relative folders
 * such as node_modules/pg or node_modules/a/node_modules/b.
 * @param {string} root
 * @param {Workspace[]} closure
 * @returns {string[]}
 */
export function runtimePackages(root, closure) {
  const workspaceNames = new Set(closure.map((w) => w.name));
  /** @type {Set<string>} */
  const found = new Set();
  const queue = closure.map((w) => path.join(root, w.dir));
  while (queue.length > 0) {
    const dir = /** @type {string} */ (queue.shift());
    /** @type {Manifest} */
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    const optionalPeer = (/** @type {string} */ name) => manifest.peerDependenciesMeta?.[name]?.optional === true;
    const wanted = [
      ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, required: true })),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, required: false })),
      ...Object.keys(manifest.peerDependencies ?? {})
        .filter((name) => !optionalPeer(name))
        .map((name) => ({ name, required: false })),
    ];
    for (const { name, required } of wanted) {
      if (workspaceNames.has(name)) continue;
      const resolved = resolvePackage(root, dir, name);
      if (!resolved) {
        // Optional dependencies for other platforms (turbo, esbuild, rolldown binaries) are not installed.
        if (required) throw new Error(`assemble: ${name}, a dependency of ${manifest.name}, is not installed`);
        continue;
      }
      if (isSymlink(resolved)) throw new Error(`assemble: ${name} (needed by ${manifest.name}) is a workspace outside ${[...workspaceNames].join(", ")}: list it in dependencies`);
      const relative = path.relative(root, resolved);
      if (found.has(relative)) continue;
      found.add(relative);
      queue.push(resolved);
    }
  }
  return [...found].sort();
}

/**
 * Node's lookup: <dir>/node_modules/<name>, then each parent folder's, up to the repository root.
 * @param {string} root
 * @param {string} fromDir
 * @param {string} name
 */
function resolvePackage(root, fromDir, name) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * @param {string} root the repository, installed and built
 * @param {string} app "jlis", "bank" or "portal"
 * @param {string} out an empty or missing directory
 */
export function assemble(root, app, out) {
  const closure = runtimeClosure(readWorkspaces(root), `apps/${app}`);
  mkdirSync(out, { recursive: true });

  for (const [index, workspace] of closure.entries()) {
    for (const relative of runtimePaths(workspace, index === 0)) {
      const from = path.join(root, relative);
      if (!existsSync(from)) throw new Error(`assemble: ${relative} is missing (${workspace.name} not built?)`);
      cpSync(from, path.join(out, relative), { recursive: true });
    }
    const link = path.join(out, "node_modules", workspace.name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), path.join(out, workspace.dir)), link);
  }

  const packages = runtimePackages(root, closure);
  for (const relative of packages) {
    const from = path.join(root, relative);
    const nested = path.join(from, "node_modules");
    // A package's own node_modules holds other packages, copied only when something needs them.
    cpSync(from, path.join(out, relative), { recursive: true, verbatimSymlinks: true, filter: (source) => source !== nested });
  }
  return { workspaces: closure.map((w) => w.dir), packages };
}

/** @param {string} file */
function isSymlink(file) {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [app, out] = process.argv.slice(2);
  if (!app || !out) {
    console.error("usage: node infra/docker/assemble.mjs <app> <outDir>");
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const { workspaces, packages } = assemble(root, app, path.resolve(out));
  console.log(`assemble: ${app} → ${out}: ${workspaces.join(", ")} and ${packages.length} packages from node_modules`);
}
