/**
 * Child processes of the OCSP bench: started pinned to a CPU when possible, remembered, and all stopped (by
 * their own pid) on the way out — normal end, error, Ctrl-C or SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { availableParallelism } from "node:os";

const running = new Set<ChildProcess>();

/** CPU pinning: servers on CPU 0, the load generator on CPU 1, when `taskset` and two CPUs exist. */
export interface Pinning {
  server: string[];
  load: string[];
  description: string;
}

export function choosePinning(): Pinning {
  const taskset = spawnSync("taskset", ["-c", "0", "true"]);
  if (taskset.error || taskset.status !== 0 || availableParallelism() < 2) {
    return { server: [], load: [], description: "not pinned (needs taskset and 2 CPUs)" };
  }
  return {
    server: ["taskset", "-c", "0"],
    load: ["taskset", "-c", "1"],
    description: "servers pinned to CPU 0, wrk to CPU 1 (taskset)",
  };
}

/** Exits with a clear message when a command-line tool the bench needs is missing. */
export function requireTool(command: string, args: string[], install: string): void {
  const probe = spawnSync(command, args, { stdio: "ignore" });
  if (probe.error) {
    console.error(`ocsp-bench: \`${command}\` was not found. Install it with: ${install}`);
    process.exit(1);
  }
}

export function start(prefix: string[], command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const argv = [...prefix, command, ...args];
  const child = spawn(argv[0]!, argv.slice(1), options);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Stops one child (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
export function stop(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
}

/** Runs to completion; resolves with stdout (stderr is passed through). */
export function runToEnd(prefix: string[], command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = start(prefix, command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code ?? signal}:\n${out}`))));
  });
}

/** Stop every child on Ctrl-C / SIGTERM / a crash, then run `cleanup`. */
export function stopChildrenOnExit(cleanup: () => void): void {
  const bail = (code: number) => {
    void stopAll().finally(() => {
      cleanup();
      process.exit(code);
    });
  };
  process.once("SIGINT", () => bail(130));
  process.once("SIGTERM", () => bail(143));
  process.once("uncaughtException", (error) => {
    console.error(error);
    bail(1);
  });
  // Last resort, synchronous: whatever is still running gets SIGKILL.
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}
