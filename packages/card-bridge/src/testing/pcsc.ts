/**
 * Real PC/SC middleware for tests: finds pcscd, vsmartcard's vpcd driver, OpenSC and openssl; starts a pcscd of
 * its own in the background (its own reader.conf.d: just vpcd) and stops it by PID. pcscd's socket
 * (/run/pcscd/pcscd.comm) is one per machine, so test files across packages take turns through a lock
 * directory; a pcscd this code did not start makes the tests skip with the reason. TEST ONLY.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { VPCD_DEFAULT_PORT } from "../vpcd/frames.js";

export interface PcscTools {
  pcscd: string;
  vpcdDriver: string;
  openscTool: string;
  pkcs15Tool: string;
  pkcs11Tool: string;
  /** OpenSC's PKCS#11 module (opensc-pkcs11.so). */
  pkcs11Module: string;
  openssl: string;
}

export type PcscAvailability = { available: true; tools: PcscTools } | { available: false; reason: string };

const SEARCH_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
const VPCD_DRIVERS = ["/usr/lib/pcsc/drivers/serial/libifdvpcd.so", "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so"];
const PKCS11_MODULES = ["x86_64-linux-gnu", "aarch64-linux-gnu"].map((arch) => `/usr/lib/${arch}/opensc-pkcs11.so`).concat(["/usr/lib64/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so", "/usr/local/lib/opensc-pkcs11.so"]);
const PCSCD_PID_FILE = "/run/pcscd/pcscd.pid";
const LOCK_DIR = path.join(tmpdir(), "jpki-sandbox-pcscd.lock");

export const PCSC_INSTALL_HINT = "apt-get install -y pcscd vsmartcard-vpcd opensc openssl";

function which(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), ...SEARCH_PATH];
  return dirs.map((dir) => path.join(dir, name)).find((candidate) => existsSync(candidate));
}

/** Whether the middleware is here (synchronous, for `describe.skipIf`); the reason names what is missing. */
export function pcscAvailability(): PcscAvailability {
  if (process.platform !== "linux") return { available: false, reason: `PC/SC tests run on Linux with pcscd (this is ${process.platform})` };
  const found = {
    pcscd: which("pcscd"),
    vpcdDriver: VPCD_DRIVERS.find((file) => existsSync(file)),
    openscTool: which("opensc-tool"),
    pkcs15Tool: which("pkcs15-tool"),
    pkcs11Tool: which("pkcs11-tool"),
    pkcs11Module: PKCS11_MODULES.find((file) => existsSync(file)),
    openssl: which("openssl"),
  };
  const missing = Object.entries(found).filter(([, value]) => value === undefined).map(([key]) => key);
  if (missing.length > 0) return { available: false, reason: `PC/SC middleware missing (${missing.join(", ")}): ${PCSC_INSTALL_HINT}` };
  const foreign = foreignPcscd();
  if (foreign !== undefined) return { available: false, reason: `a pcscd not started by these tests is running (pid ${foreign}); stop it to run the PC/SC tests` };
  return { available: true, tools: found as PcscTools };
}

/** The pid of a live pcscd that holds the machine's PC/SC socket, if it is not ours. */
function foreignPcscd(): number | undefined {
  const pid = readPid(PCSCD_PID_FILE);
  if (pid === undefined || !alive(pid)) return undefined;
  const lockOwner = readPid(path.join(LOCK_DIR, "owner"));
  // Another test process of ours may hold it; we then wait for the lock instead.
  return lockOwner !== undefined && alive(lockOwner) ? undefined : pid;
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function acquireLock(timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, "owner"), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readPid(path.join(LOCK_DIR, "owner"));
      if (owner !== undefined && !alive(owner)) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the PC/SC test lock ${LOCK_DIR} is held by pid ${owner ?? "?"} for over ${timeoutMs} ms`);
      await sleep(200);
    }
  }
}

/** Whether a TCP port is in LISTEN state on this machine (from /proc: probing it would insert a card into vpcd). */
function listening(port: number): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") return true;
    }
  }
  return false;
}

export interface RunningPcscd {
  pid: number;
  /** vpcd's port for the first reader. */
  vpcdPort: number;
  /** The first reader's PC/SC name. */
  readerName: string;
  /** What pcscd printed (for failure messages). */
  output(): string;
  /** SIGTERM by PID, waits for it to exit, releases the lock. */
  stop(): Promise<void>;
}

/**
 * Starts `pcscd -f -c <dir>` with a reader.conf.d holding only vpcd on `vpcdPort` (default 35963, vpcd's own),
 * after taking the machine-wide lock, and waits until vpcd listens.
 */
export async function startPcscd(tools: PcscTools, options: { vpcdPort?: number; lockTimeoutMs?: number } = {}): Promise<RunningPcscd> {
  const vpcdPort = options.vpcdPort ?? VPCD_DEFAULT_PORT;
  const release = await acquireLock(options.lockTimeoutMs ?? 180_000);
  const configDir = mkdtempSync(path.join(tmpdir(), "jpki-pcscd-"));
  const readerName = "JPKI Sandbox vpcd";
  writeFileSync(
    path.join(configDir, "vpcd"),
    [`FRIENDLYNAME "${readerName}"`, `DEVICENAME   /dev/null:0x${vpcdPort.toString(16).toUpperCase()}`, `LIBPATH      ${tools.vpcdDriver}`, `CHANNELID    0x${vpcdPort.toString(16).toUpperCase()}`, ""].join("\n"),
  );
  let child: ChildProcess | undefined;
  let output = "";
  const cleanup = () => {
    rmSync(configDir, { recursive: true, force: true });
    release();
  };
  try {
    if (listening(vpcdPort)) throw new Error(`port ${vpcdPort} is already in use: another vpcd?`);
    child = spawn(tools.pcscd, ["-f", "-c", configDir], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    const deadline = Date.now() + 10_000;
    while (!listening(vpcdPort)) {
      if (exitCode !== undefined) throw new Error(`pcscd exited (${exitCode}) before vpcd listened: ${output.trim()}`);
      if (Date.now() > deadline) throw new Error(`vpcd did not listen on ${vpcdPort} within 10 s: ${output.trim()}`);
      await sleep(50);
    }
    const running = child;
    const pid = running.pid!;
    let stopped: Promise<void> | undefined;
    return {
      pid,
      vpcdPort,
      readerName: `${readerName} 00 00`,
      output: () => output,
      stop() {
        stopped ??= (async () => {
          if (exitCode === undefined) {
            process.kill(pid, "SIGTERM");
            const timer = setTimeout(() => process.kill(pid, "SIGKILL"), 5_000);
            await exited;
            clearTimeout(timer);
          }
          cleanup();
        })();
        return stopped;
      },
    };
  } catch (error) {
    if (child?.pid !== undefined && child.exitCode === null) child.kill("SIGKILL");
    cleanup();
    throw error;
  }
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a middleware tool; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runTool(file: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: options.timeoutMs ?? 60_000, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Waits until pcscd reports a card in the first vpcd reader (pcscd polls vpcd every few hundred ms). */
export async function waitForCard(tools: PcscTools, timeoutMs = 15_000, present = true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { stdout } = await runTool(tools.openscTool, ["-l"]);
    if (/^\s*0\s+Yes\b/m.test(stdout) === present) return;
    if (Date.now() > deadline) throw new Error(`${present ? "no card in" : "a card still in"} the vpcd reader after ${timeoutMs} ms: ${stdout.trim()}`);
    await sleep(100);
  }
}

/** Waits until pcscd has seen the card leave the reader (before another is inserted). */
export function waitForNoCard(tools: PcscTools, timeoutMs = 15_000): Promise<void> {
  return waitForCard(tools, timeoutMs, false);
}
