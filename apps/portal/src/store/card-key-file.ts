/**
 * The portal's card key (32 bytes) that seals every card's private keys: from configuration, else kept in
 * <dataDir>/card-key (0600, hex) so cards survive restarts, else random for an ephemeral portal.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function loadOrCreateCardKey(configured: Uint8Array | undefined, dataDir: string | undefined): Uint8Array {
  if (configured) return configured;
  if (!dataDir) return new Uint8Array(randomBytes(32));
  const file = path.join(dataDir, "card-key");
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "hex");
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte hex key`);
    return new Uint8Array(key);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600 });
  return new Uint8Array(key);
}
