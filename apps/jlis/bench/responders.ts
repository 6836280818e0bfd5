/**
 * The two OCSP responders the bench compares, both serving the same CA, delegated responder and serials:
 *   (a) jlis itself: bench/ocsp-bench-server.ts runs createJlis(config).start(0) with certificates issued
 *       through its counter service.
 *   (b) `openssl ocsp -index`, started fresh for every measurement (NOTES.md: it can hang for good).
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { parseOcspResponse } from "@jpki-sandbox/jpki-core";
import { start, stop } from "./processes.js";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface RunningResponder {
  url: string;
  child: ChildProcess;
}

export interface JlisFixture extends RunningResponder {
  /** Where the CA, responder, index.txt and request files are. */
  dir: string;
  /** How many request files of each kind (post-<i>.der, nonce-<i>.der, get paths). */
  count: number;
  /** The same process's fixed-response server: the node:http ceiling. */
  ceilingUrl: string;
}

export async function startJlisResponder(pin: string[], dir: string, good: number, revoked: number): Promise<JlisFixture> {
  const child = start(pin, process.execPath, ["--import", "tsx", "bench/ocsp-bench-server.ts", dir, String(good), String(revoked)], {
    cwd: APP_DIR,
    stdio: ["pipe", "pipe", "inherit"], // stdin stays open: the child exits when it closes (we died)
  });
  const ready = await new Promise<{ port: number; ceilingPort: number; count: number }>((resolve, reject) => {
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && out.includes("\n")) resolve(JSON.parse(line) as { port: number; ceilingPort: number; count: number });
    });
    child.once("exit", (code) => reject(new Error(`the jlis bench server exited early (${code})`)));
  });
  const host = "http://127.0.0.1";
  return { url: `${host}:${ready.port}/ocsp/s`, ceilingUrl: `${host}:${ready.ceilingPort}/ocsp/s`, child, dir, count: ready.count };
}

/** A fresh `openssl ocsp -index` responder on a free port, answering (checked with a real POST). */
export async function startOpensslResponder(pin: string[], dir: string): Promise<RunningResponder> {
  const port = await freePort();
  // OpenSSL 3.0 refuses -port 127.0.0.1:N (NOTES.md): it listens on all interfaces; traffic stays on loopback.
  const child = start(
    pin,
    "openssl",
    ["ocsp", "-index", "index.txt", "-CA", "ca.pem", "-rsigner", "responder.pem", "-rkey", "responder.key", "-port", String(port), "-nmin", "60", "-ignore_err"],
    { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt++) {
    try {
      await expectGoodAnswer(url, dir);
      return { url, child };
    } catch (error) {
      if (attempt >= 50 || child.exitCode !== null) {
        await stop(child);
        throw new Error(`openssl ocsp did not answer: ${String(error)}\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * POSTs post-0.der (a good serial) on a connection of its own that is closed after the answer — never an
 * idle keep-alive connection, which would stall single-connection `openssl ocsp` — and checks the answer.
 */
export function expectGoodAnswer(url: string, dir: string): Promise<void> {
  const body = readFileSync(`${dir}/post-0.der`);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/ocsp-request", "content-length": body.length, connection: "close" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          try {
            const parsed = parseOcspResponse(new Uint8Array(Buffer.concat(chunks)));
            if (parsed.responseStatus !== "successful" || parsed.responses[0]?.status !== "good") {
              throw new Error(`unexpected answer from ${url}: ${parsed.responseStatus}`);
            }
            resolve();
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
