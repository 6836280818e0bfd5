#!/usr/bin/env node
// `npm test`: lint + typecheck + test in every workspace through turbo, then one summary.
// The last line printed is always `N passed, M failed` (`, K skipped` when K > 0).
// Dependency-free on purpose.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { ensureInstall, isCI, isMain, repoRoot, runTurbo } from "./ensure-install.mjs";

const TASKS = ["lint", "typecheck", "test"];

/** Workspace directories that can hold a .reports folder: apps/*, packages/*, e2e. */
export function workspaceDirs(root = repoRoot) {
  // The root package.json's workspaces: "group/*" patterns and plain folders (apps/*, packages/*, e2e, infra).
  const patterns = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).workspaces ?? [];
  const isDir = (dir) => existsSync(dir) && statSync(dir).isDirectory();
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) {
      const groupDir = path.join(root, pattern.slice(0, -2));
      if (!isDir(groupDir)) continue;
      for (const entry of readdirSync(groupDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory()) dirs.push(path.join(groupDir, entry.name));
      }
    } else if (isDir(path.join(root, pattern))) {
      dirs.push(path.join(root, pattern));
    }
  }
  return dirs;
}

/** Deletes every workspace's .reports. */
export function cleanReports(root = repoRoot) {
  for (const dir of workspaceDirs(root)) rmSync(path.join(dir, ".reports"), { recursive: true, force: true });
}

const count = (value) => (Number.isFinite(value) && value > 0 ? value : 0);

/**
 * Counts from a Vitest JSON report. A test file that failed without a failing test in it
 * (import error, syntax error, failing hook) counts as one failure.
 */
export function summarizeVitest(report) {
  const passed = count(report.numPassedTests);
  let failed = count(report.numFailedTests);
  const skipped = count(report.numPendingTests) + count(report.numTodoTests);
  const notes = [];
  for (const file of Array.isArray(report.testResults) ? report.testResults : []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === "failed").length;
    if (file.status === "failed" && failedInFile === 0) {
      failed += 1;
      const firstLine = String(file.message ?? "").split("\n")[0].trim();
      notes.push(`${file.name ?? "?"} failed outside any test${firstLine ? `: ${firstLine}` : ""}`);
    }
  }
  if (report.success === false && failed === 0) {
    failed = 1;
    notes.push("vitest reported success: false without a failing test");
  }
  return { passed, failed, skipped, notes };
}

/** Counts from a Playwright JSON report (flaky = passed on retry; global errors count as failures). */
export function summarizePlaywright(report) {
  const stats = report.stats ?? {};
  const errors = Array.isArray(report.errors) ? report.errors : [];
  const notes = errors.map((e) => `global error: ${String(e?.message ?? e).split("\n")[0]}`);
  const flaky = count(stats.flaky);
  if (flaky > 0) notes.push(`${flaky} flaky (passed on retry)`);
  return {
    passed: count(stats.expected) + flaky,
    failed: count(stats.unexpected) + errors.length,
    skipped: count(stats.skipped),
    notes,
  };
}

/** Reads .reports/vitest.json and .reports/playwright.json of every workspace. */
export function collectSuites(root = repoRoot) {
  const suites = [];
  for (const dir of workspaceDirs(root)) {
    const name = path.relative(root, dir).split(path.sep).join("/");
    for (const [file, kind, summarize] of [
      ["vitest.json", "vitest", summarizeVitest],
      ["playwright.json", "playwright", summarizePlaywright],
    ]) {
      const reportPath = path.join(dir, ".reports", file);
      if (!existsSync(reportPath)) continue;
      try {
        suites.push({ name, kind, ...summarize(JSON.parse(readFileSync(reportPath, "utf8"))) });
      } catch (error) {
        suites.push({
          name,
          kind,
          passed: 0,
          failed: 1,
          skipped: 0,
          notes: [`unreadable report ${path.relative(root, reportPath)}: ${error.message}`],
        });
      }
    }
  }
  return suites;
}

/** `N passed, M failed` or `N passed, M failed, K skipped`. */
export function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

/**
 * Turns reports plus turbo's outcome into printable lines (the total last) and an exit code.
 * @param {{ suites: ReturnType<typeof collectSuites>, turboExit: number,
 *           tasks: ReturnType<typeof tasksFromRunSummary> | null }} input
 *   tasks: null when turbo's run summary could not be read.
 */
export function summarize({ suites, turboExit, tasks }) {
  const lines = [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const suite of suites) {
    lines.push(`${suite.name} (${suite.kind}): ${formatCounts(suite)}`);
    for (const note of suite.notes ?? []) lines.push(`  ${note}`);
    total.passed += suite.passed;
    total.failed += suite.failed;
    total.skipped += suite.skipped;
  }

  const testsFound = total.passed + total.failed + total.skipped;
  const testsRun = total.passed + total.failed;

  // Failures the reports cannot show: lint, typecheck, build, or a test task that failed
  // without recording a failing test (crash, missing report). Each counts as one failure.
  const failedSuiteDirs = new Set(suites.filter((s) => s.failed > 0).map((s) => s.name));
  const reportedDirs = new Set(suites.map((s) => s.name));
  for (const task of tasks ?? []) {
    if (task.task === "test" && !task.failed && !reportedDirs.has(task.dir)) {
      lines.push(`note: ${task.id} passed but wrote no .reports/vitest.json or .reports/playwright.json; its tests are not counted`);
    }
  }
  if (tasks !== null) {
    for (const task of tasks.filter((t) => t.failed)) {
      if (task.task === "test" && failedSuiteDirs.has(task.dir)) continue;
      lines.push(`turbo task ${task.id} failed${task.exitCode !== undefined ? ` (exit ${task.exitCode})` : ""}: counted as 1 failure`);
      total.failed += 1;
    }
  }
  if (turboExit !== 0 && total.failed === 0) {
    lines.push(`turbo exited with ${turboExit} but no failing test or task was found: counted as 1 failure`);
    total.failed += 1;
  }
  if (testsFound === 0) {
    lines.push(
      suites.length === 0
        ? "no test results found (no .reports/vitest.json or .reports/playwright.json): counted as 1 failure"
        : "the test reports contain no tests: counted as 1 failure",
    );
    total.failed += 1;
  } else if (testsRun === 0) {
    lines.push("every test was skipped, none ran: counted as 1 failure");
    total.failed += 1;
  }

  lines.push(formatCounts(total));
  const exitCode = turboExit !== 0 ? turboExit : total.failed > 0 ? 1 : 0;
  return { lines, total, exitCode };
}

/**
 * Tasks from the run summary turbo writes with --summarize (.turbo/runs/<id>.json):
 * { id: "pkg#task", task, dir: "packages/pkg", exitCode, failed }.
 */
export function tasksFromRunSummary(runSummary) {
  return (runSummary.tasks ?? [])
    .filter((t) => t.execution)
    .map((t) => ({
      id: t.taskId,
      task: t.task ?? t.taskId.slice(t.taskId.lastIndexOf("#") + 1),
      dir: String(t.directory ?? "").split(path.sep).join("/"),
      exitCode: t.execution.exitCode,
      failed: t.execution.error !== undefined || (t.execution.exitCode ?? 0) !== 0,
    }));
}

function listRuns(runsDir) {
  return existsSync(runsDir) ? readdirSync(runsDir).filter((f) => f.endsWith(".json")) : [];
}

async function runChecks(root) {
  // --summarize writes .turbo/runs/<id>.json, which names the tasks that failed.
  // Two tasks at a time: the machines have two cores, and each app's suites start several servers and
  // databases of their own; ten suites at once starved one another into timeouts.
  const turboArgs = ["run", ...TASKS, "--continue", "--summarize", "--concurrency=2"];
  // In CI never replay results from a cache: --cache=local:w,remote: executes every task
  // (turbo prints "cache bypass, force executing") and still writes the local cache.
  if (isCI()) turboArgs.push("--cache=local:w,remote:");
  console.log(`> turbo ${turboArgs.join(" ")}`);
  const { code } = await runTurbo(turboArgs, {
    root,
    onSignal: (signal) => console.error(`\ntest: ${signal} received, stopping turbo...`),
  });
  return code;
}

async function main() {
  const root = repoRoot;
  ensureInstall({ root });
  cleanReports(root);

  const runsDir = path.join(root, ".turbo", "runs");
  const before = new Set(listRuns(runsDir));
  const turboExit = await runChecks(root);

  let tasks = null;
  const newRuns = listRuns(runsDir).filter((f) => !before.has(f));
  for (const file of newRuns) {
    const runPath = path.join(runsDir, file);
    try {
      const runSummary = JSON.parse(readFileSync(runPath, "utf8"));
      tasks = [...(tasks ?? []), ...tasksFromRunSummary(runSummary)];
    } catch (error) {
      console.error(`could not read turbo run summary ${runPath}: ${error.message}`);
    }
    rmSync(runPath, { force: true });
  }

  const { lines, exitCode } = summarize({ suites: collectSuites(root), turboExit, tasks });
  console.log("");
  console.log("Test summary:");
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}

if (isMain(import.meta.url)) await main();
