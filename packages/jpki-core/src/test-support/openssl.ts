/** Runs the system `openssl` for interoperability tests (an implementation independent of ours). */
import { spawnSync } from "node:child_process";

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function openssl(args: string[], input?: string | Uint8Array): OpensslResult {
  const result = spawnSync("openssl", args, { input, maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw result.error;
  return {
    status: result.status ?? -1,
    stdout: result.stdout.toString("utf8"),
    stderr: result.stderr.toString("utf8"),
    stdoutBytes: result.stdout,
  };
}

/** openssl, failing the test with openssl's own words when it exits non-zero. */
export function opensslOk(args: string[], input?: string | Uint8Array): OpensslResult {
  const result = openssl(args, input);
  if (result.status !== 0) {
    throw new Error(`openssl ${args.join(" ")} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  }
  return result;
}
