#!/usr/bin/env node
// `npm start`: install if needed, build everything, start every app that has a "start" script (jlis :4010,
// bank :4020, portal :4030; ports from JPKI_<APP>_PORT, data under JPKI_DATA_DIR or on DATABASE_URL), wait
// until all answer /healthz, seed the demo residents' cards and print where to start. Ctrl-C stops them all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "./demo/seed.mjs";
import { crossAppEnvironment, sandboxTopology } from "./demo/topology.mjs";
import { waitHealthy } from "./demo/wait-healthy.mjs";
import { ensureInstall, isMain, repoRoot, runTurbo } from "./ensure-install.mjs";

/** apps/<name> directories whose package.json has a "start" script. */
export function startableApps(root = repoRoot) {
  const appsDir = path.join(root, "apps");
  if (!existsSync(appsDir)) return [];
  const apps = [];
  for (const entry of readdirSync(appsDir, { withFileTypes: true })) {
    const manifest = path.join(appsDir, entry.name, "package.json");
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    try {
      if (typeof JSON.parse(readFileSync(manifest, "utf8")).scripts?.start === "string") apps.push(`apps/${entry.name}`);
    } catch {
      // an unreadable package.json is reported by npm/turbo themselves
    }
  }
  return apps.sort();
}

const onSignal = (signal) => console.error(`\nstart: ${signal} received, stopping...`);

/** Waits for the apps, seeds the demo residents and prints where to begin; never throws (says what failed). */
async function announceWhenUp(topology, stopped) {
  const apps = [topology.jlis, topology.bank, topology.portal];
  try {
    await waitHealthy(apps, { signal: stopped });
    const seeded = await seedDemo({ portalUrl: topology.portal.url, adminPassword: process.env.JPKI_PORTAL_ADMIN_PASSWORD ?? "sandbox-admin" });
    console.log(banner(topology, seeded));
  } catch (error) {
    if (stopped.aborted) return;
    console.error(`start: the sandbox is not ready: ${error instanceof Error ? error.message : String(error)}`);
    console.error("start: the apps' own log lines above say more; Ctrl-C stops everything.");
  }
}

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function displayWidth(text) {
  return [...text].reduce((width, char) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1), 0);
}

export function banner(topology, seeded) {
  const { jlis, bank, portal } = topology;
  const width = Math.max(...seeded.map(({ resident }) => displayWidth(resident.label)));
  const residents = seeded.map(({ resident, cardId, seeded: isNew }) => {
    const pins = `R PIN ${resident.userAuthPin}${resident.signingPin ? `, S PIN ${resident.signingPin}` : ", no S (under 15)"}`;
    return `    ${resident.label}${" ".repeat(width - displayWidth(resident.label))}  ${pins.padEnd(34)} ${portal.url}/cards/${cardId}${isNew ? "  (new)" : ""}`;
  });
  return [
    "",
    "================ JPKI Sandbox is up (TEST ONLY: synthetic people, sandbox CAs) ================",
    `  start here → ${bank.url}/walkthrough   (the guided walkthrough of the whole flow)`,
    "",
    `  jlis    (mock J-LIS: CAs, OCSP, CRL, linkage)  ${jlis.url}   console ${jlis.url}/admin (admin / ${process.env.JPKI_JLIS_ADMIN_PASSWORD ?? "sandbox-admin"})`,
    `  bank    (relying party: ①–⑧, ①'–⑥')           ${bank.url}   staff ${bank.url}/staff (staff / ${process.env.JPKI_BANK_STAFF_PASSWORD ?? "sandbox-staff"})`,
    `  portal  (counter, cards, approvals)            ${portal.url}   counter ${portal.url}/counter`,
    "",
    "  demo residents' cards at the portal:",
    ...residents,
    "",
    `  data: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL), one schema per app" : process.env.JPKI_DATA_DIR}   ·   Ctrl-C stops everything`,
    "==============================================================================================",
  ].join("\n");
}

async function main() {
  const root = repoRoot;
  ensureInstall({ root });

  // JPKI_START_SKIP_BUILD=1: everything is built already (the e2e test of this script runs it inside a turbo
  // run that built it, and must not rebuild what other tests are reading).
  const skipBuild = process.env.JPKI_START_SKIP_BUILD === "1";
  if (!skipBuild) {
    console.log("> turbo run build");
    const build = await runTurbo(["run", "build"], { root, onSignal });
    if (build.signalled) process.exit(build.code === 0 ? 130 : build.code);
    if (build.code !== 0) {
      console.error(`build failed (exit ${build.code}), not starting anything`);
      process.exit(build.code);
    }
  }

  const apps = startableApps(root);
  // Every app keeps its data under one root (DESIGN.md "Data"): <repo>/.data unless JPKI_DATA_DIR says otherwise.
  // Set here because turbo runs each app in its own folder.
  process.env.JPKI_DATA_DIR = path.resolve(root, process.env.JPKI_DATA_DIR ?? ".data");
  const topology = sandboxTopology(process.env);
  Object.assign(process.env, crossAppEnvironment(topology, process.env));
  console.log(`starting ${apps.join(", ")} (Ctrl-C stops them all); ${process.env.DATABASE_URL ? "database: DATABASE_URL (PostgreSQL)" : `data in ${process.env.JPKI_DATA_DIR}`}`);
  const startArgs = ["run", "start", "--filter=./apps/*", ...(skipBuild ? ["--only"] : [])];
  console.log(`> turbo ${startArgs.join(" ")}`);
  const stopped = new AbortController();
  const run = runTurbo(startArgs, { root, onSignal });
  void announceWhenUp(topology, stopped.signal);
  const finished = await run;
  stopped.abort();
  // Stopped on request (Ctrl-C, SIGTERM) is a clean exit; otherwise pass turbo's status on.
  process.exitCode = finished.signalled ? 0 : finished.code;
}

if (isMain(import.meta.url)) await main();
