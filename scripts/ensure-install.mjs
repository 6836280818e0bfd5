#!/usr/bin/env node
// Makes sure node_modules matches package-lock.json before anything else runs.
// Dependency-free on purpose: it runs before dependencies exist.
//
//   node scripts/ensure-install.mjs                               # run it directly
//   import { ensureInstall } from "./ensure-install.mjs";         # or from another script
import { spawn, spawnSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (the parent of scripts/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** True when the CI environment variable is set to something other than "", "0" or "false". */
export function isCI(env = process.env) {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** The environment every script here hands to npm and turbo. */
export function toolEnv(extra = {}) {
  return { ...process.env, TURBO_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...extra };
}

/** The npm command name for spawn() (npm.cmd on Windows). */
export const npmCommand = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * [command, ...args] that runs the repository's own turbo: the turbo package's node launcher,
 * started with this node. It is what `npx turbo` ends up running, minus the npm process in
 * between, which matters for signals: npm exits on SIGTERM without passing it on (turbo and
 * the apps live on as orphans), whereas the launcher forwards SIGTERM to the turbo binary.
 */
export function turboCommand(args, root = repoRoot) {
  return [process.execPath, path.join(root, "node_modules", "turbo", "bin", "turbo"), ...args];
}

/**
 * Runs `turbo <args>` with inherited stdio and resolves with its exit code (1 if it died
 * from a signal or could not start). Stopping works the same whether the signal comes from
 * Ctrl-C in a terminal or from `kill <pid of this script>`:
 *
 * turbo runs in its own process group (except on Windows), so a terminal's Ctrl-C reaches
 * only this script, which passes SIGINT, SIGTERM and SIGHUP on to turbo exactly once, as
 * SIGTERM (the launcher ignores SIGINT on Unix). turbo then stops its tasks gracefully (it
 * sends them SIGINT). A second signal is passed on again, which makes turbo kill its tasks
 * at once; a third kills turbo itself. Sending turbo two signals in one go (a terminal's and
 * a forwarded one) would skip the graceful stop, hence the separate process group.
 *
 * @param {string[]} turboArgs
 * @param {{ root?: string, onSignal?: (signal: string) => void }} [options]
 * @returns {Promise<{ code: number, signalled: boolean }>}
 */
export function runTurbo(turboArgs, { root = repoRoot, onSignal } = {}) {
  const ownGroup = process.platform !== "win32";
  const [command, ...args] = turboCommand(turboArgs, root);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: toolEnv(), detached: ownGroup });
    const running = () => child.exitCode === null && child.signalCode === null;
    let signals = 0;
    const handlers = {};
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      handlers[signal] = () => {
        if (!running()) return;
        // Without a separate group (Windows), the console already delivered Ctrl-C to turbo.
        if (!ownGroup && signal === "SIGINT") return;
        signals += 1;
        onSignal?.(signal);
        if (signals <= 2) child.kill("SIGTERM");
        else if (!ownGroup) child.kill("SIGKILL");
        else {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
        }
      };
      process.on(signal, handlers[signal]);
    }
    // If this script dies first (uncaught error, process.exit), don't leave turbo behind.
    const onExit = () => {
      if (running()) child.kill("SIGTERM");
    };
    process.on("exit", onExit);
    const done = (code) => {
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      process.off("exit", onExit);
      resolve({ code, signalled: signals > 0 });
    };
    child.on("error", (error) => {
      console.error(`could not run turbo: ${error.message}`);
      done(1);
    });
    child.on("exit", (code) => done(code ?? 1));
  });
}

/**
 * Why an install is needed, or null when node_modules is up to date.
 * @param {string} [root]
 * @returns {string | null}
 */
export function installReason(root = repoRoot) {
  const nodeModules = path.join(root, "node_modules");
  const lockfile = path.join(root, "package-lock.json");
  const hiddenLockfile = path.join(nodeModules, ".package-lock.json");
  const turboBin = path.join(nodeModules, ".bin", process.platform === "win32" ? "turbo.cmd" : "turbo");
  const turboLauncher = path.join(nodeModules, "turbo", "bin", "turbo");

  if (!existsSync(nodeModules)) return "node_modules is missing";
  if (!existsSync(turboBin) || !existsSync(turboLauncher)) return "node_modules/.bin/turbo is missing";
  if (existsSync(lockfile)) {
    if (!existsSync(hiddenLockfile)) return "node_modules/.package-lock.json is missing";
    // npm writes package-lock.json first and node_modules/.package-lock.json last, so after
    // an install the hidden lockfile is never older. A newer package-lock.json means it
    // changed since the last install (git pull, branch switch, ...).
    if (statSync(lockfile).mtimeMs > statSync(hiddenLockfile).mtimeMs) {
      return "package-lock.json is newer than node_modules/.package-lock.json";
    }
  }
  return null;
}

/**
 * Installs dependencies when needed (`npm ci` in CI or when package-lock.json exists,
 * otherwise `npm install`), with inherited stdio. Exits the process if npm fails.
 * @param {{ root?: string, quiet?: boolean }} [options] quiet: say nothing when up to date
 * @returns {boolean} true when it installed
 */
export function ensureInstall({ root = repoRoot, quiet = true } = {}) {
  const reason = installReason(root);
  if (reason === null) {
    if (!quiet) console.log("ensure-install: node_modules is up to date, nothing to do");
    return false;
  }
  const useCi = isCI() || existsSync(path.join(root, "package-lock.json"));
  const args = useCi ? ["ci"] : ["install"];
  console.log(`ensure-install: ${reason}, running npm ${args.join(" ")}`);
  const result = spawnSync(npmCommand, args, {
    cwd: root,
    stdio: "inherit",
    env: toolEnv(),
    shell: process.platform === "win32",
  });
  if (result.error) {
    console.error(`ensure-install: could not run npm: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`ensure-install: npm ${args.join(" ")} failed (${result.signal ?? `exit ${result.status}`})`);
    process.exit(result.status || 1);
  }
  return true;
}

/** True when the module (import.meta.url of a module) is the script node was started with. */
export function isMain(moduleUrl) {
  if (process.argv[1] === undefined) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

if (isMain(import.meta.url)) ensureInstall({ quiet: false });
