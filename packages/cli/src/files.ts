import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliInputError } from "./io.js";

export function readInputFile(path: string, what: string): Uint8Array<ArrayBuffer> {
  if (!existsSync(path)) throw new CliInputError(`${what} not found: ${path}`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new CliInputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

export function ensureDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** Refuses to replace files unless `force`, so a CA key is never overwritten by accident. */
export function assertWritable(dir: string, names: readonly string[], force: boolean): void {
  if (force) return;
  const existing = names.filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0) {
    throw new CliInputError(`${join(dir, existing[0]!)} already exists (use --force to replace)`);
  }
}

export function writePublicFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o644 });
  return path;
}

/** Private keys are written 0600 (owner read/write only). */
export function writePrivateFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
