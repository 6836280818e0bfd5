#!/usr/bin/env node
// `npm start`: install if needed, build everything, then start every app that has a
// "start" script (jlis :4010, bank :4020, portal :4030). Dependency-free on purpose.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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

const NO_APPS_MESSAGE = `
No app has a start script yet. The three web apps (jlis on :4010, bank on :4020,
portal on :4030) arrive in later issues.

What works today is the offline CLI:

  npx jpki-sandbox ca init --dir ca
  npx jpki-sandbox cert issue --ca ca --kind s --persona hanako --out s
  openssl verify -CAfile ca/s-ca.pem s/cert.pem
  npx jpki-sandbox cert show s/cert.pem
  npx jpki-sandbox cert lint s/cert.pem
`;

const onSignal = (signal) => console.error(`\nstart: ${signal} received, stopping...`);

async function main() {
  const root = repoRoot;
  ensureInstall({ root });

  console.log("> turbo run build");
  const build = await runTurbo(["run", "build"], { root, onSignal });
  if (build.signalled) process.exit(build.code === 0 ? 130 : build.code);
  if (build.code !== 0) {
    console.error(`build failed (exit ${build.code}), not starting anything`);
    process.exit(build.code);
  }

  const apps = startableApps(root);
  if (apps.length === 0) {
    console.log(NO_APPS_MESSAGE);
    return;
  }
  // Every app keeps its data under one root (DESIGN.md "Data"): <repo>/.data unless JPKI_DATA_DIR says otherwise.
  // Set here because turbo runs each app in its own folder.
  process.env.JPKI_DATA_DIR ??= path.join(root, ".data");
  console.log(`starting ${apps.join(", ")} (Ctrl-C stops them all); data in ${process.env.JPKI_DATA_DIR}`);
  console.log("once they are up:");
  console.log("  1. the municipal counter at http://127.0.0.1:4030/counter issues 花子's card");
  console.log("     (or, in another terminal: npx jpki-sandbox citizen create --persona hanako --json)");
  console.log("  2. the bank at http://127.0.0.1:4020/open opens her account (①–⑧, signed with S), then /login (①'–⑥', R)");
  console.log("  3. the bank's staff view http://127.0.0.1:4020/staff (user staff, password sandbox-staff) shows her S–R link");
  console.log("> turbo run start --filter=./apps/*");
  const run = await runTurbo(["run", "start", "--filter=./apps/*"], { root, onSignal });
  // Stopped on request (Ctrl-C, SIGTERM) is a clean exit; otherwise pass turbo's status on.
  process.exitCode = run.signalled ? 0 : run.code;
}

if (isMain(import.meta.url)) await main();
