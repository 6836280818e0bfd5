/** The installed command itself (bin/jpki-sandbox.js → dist/main.js), as `npx jpki-sandbox` runs it. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/jpki-sandbox.js", import.meta.url));

function jpkiSandbox(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("bin/jpki-sandbox.js", () => {
  it("prints help and exits 0", () => {
    const result = jpkiSandbox("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: jpki-sandbox");
    expect(result.stdout).toContain("TEST ONLY");
    for (const command of ["citizen", "revoke", "ocsp", "clock"]) expect(result.stdout).toContain(command);
  });

  it("can be imported (the package export) without running the CLI", () => {
    const entry = new URL("../dist/main.js", import.meta.url).href;
    const script = `const m = await import(${JSON.stringify(entry)}); process.stdout.write(typeof m.main);`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result).toMatchObject({ status: 0, stdout: "function", stderr: "" });
  });

  it("passes the command's exit code on (2 for unreadable input) with one line on stderr", () => {
    const result = jpkiSandbox("cert", "lint", "/nonexistent.pem");
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("jpki-sandbox: certificate file not found: /nonexistent.pem");
  });

  it("rejects an unknown command with exit 2", () => {
    const result = jpkiSandbox("frobnicate");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
