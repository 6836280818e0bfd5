// `npm start` as a newcomer runs it, driven from a test: scripts/start.mjs in its own process group, on its
// own ports and data directory (PGlite), its output collected; stopped with SIGINT as Ctrl-C would.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface StartedSandbox {
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the banner once the script prints it (rejects when the script exits first). */
  banner: Promise<string>;
  /** SIGINT to the whole group, as a terminal's Ctrl-C; resolves with the script's exit code. */
  stop(): Promise<number | null>;
}

/** `env` is added to this process's environment, minus DATABASE_URL (PGlite unless `env` sets one). */
export function npmStart(env: Record<string, string>): StartedSandbox {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, JPKI_START_SKIP_BUILD: "1", FORCE_COLOR: "0" };
  delete childEnv.DATABASE_URL;
  Object.assign(childEnv, env);
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, "scripts", "start.mjs")], {
    cwd: repoRoot,
    env: childEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const banner = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const start = text.indexOf("JPKI Sandbox is up");
      const end = start >= 0 ? text.indexOf("Ctrl-C stops everything", start) : -1;
      if (end >= 0) resolve(text.slice(start, end));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was up:\n${text.slice(-4000)}`)));
  });
  return {
    output: () => text,
    banner,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGINT");
      return exited;
    },
  };
}

/** The card id printed beside a demo resident's name in the banner. */
export function seededCardId(banner: string, name: string): string {
  const line = banner.split("\n").find((l) => l.includes(name));
  const id = line?.match(/\/cards\/([0-9a-f-]{36})/)?.[1];
  if (id === undefined) throw new Error(`no card for ${name} in the banner:\n${banner}`);
  return id;
}
