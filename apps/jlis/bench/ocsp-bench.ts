/**
 * `npm run bench -w apps/jlis` (or `npx tsx bench/ocsp-bench.ts [seconds]` from apps/jlis): OCSP requests/s
 * and p50/p99 latency of jlis's responder next to `openssl ocsp -index` serving the same CA, delegated
 * responder and serials, measured side by side in one run with wrk over loopback.
 *
 * Rows: POST without a nonce (the RFC 5019 profile: jlis answers from pre-signed responses) at 1, 8 and 50
 * connections; POST with a nonce (both sign every answer) and GET (jlis only) at 50; and, for reading the
 * rest, the ceiling: a node:http server in the jlis process sending one fixed response. Requests rotate over
 * every serial. jlis is measured warm (every answer pre-signed, as in a running jlis); every openssl run gets
 * a fresh process. Each cell is the best of two alternating runs, to damp other work on the machine.
 * Goal: jlis ≥ 10× openssl, and p99 < 5 ms at 50 connections. The machine is noisy: compare ratios within
 * one run (NOTES.md "Measured reference figures").
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { choosePinning, requireTool, runToEnd, stop, stopAll, stopChildrenOnExit, type Pinning } from "./processes.js";
import { expectGoodAnswer, startJlisResponder, startOpensslResponder, type JlisFixture } from "./responders.js";

/** Measured time per responder per row, split into ROUNDS alternating runs. */
const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = 2;
const WARM_UP_SECONDS = 2;
const GOOD_SERIALS = 300;
const REVOKED_SERIALS = 30;
const CONCURRENCIES = [1, 8, 50] as const;
const GOAL_RATIO = 10;
const GOAL_P99_MS = 5;
const LUA_SCRIPT = fileURLToPath(new URL("./ocsp-requests.lua", import.meta.url));

type RequestKind = "post" | "nonce" | "get";

interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface WrkResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  statusErrors: number;
  timeouts: number;
}

async function wrk(pin: Pinning, url: string, fixture: JlisFixture, kind: RequestKind, connections: number, seconds: number): Promise<Measurement> {
  const path = new URL(url).pathname;
  const out = await runToEnd(pin.load, "wrk", [
    "-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "-s", LUA_SCRIPT, url,
    "--", fixture.dir, kind, String(fixture.count), path,
  ]);
  const line = out.split("\n").find((l) => l.startsWith("WRK_RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line.slice("WRK_RESULT ".length)) as WrkResult;
  return {
    requestsPerSecond: r.requests / (r.durationUs / 1e6),
    p50Ms: r.p50Us / 1000,
    p99Ms: r.p99Us / 1000,
    errors: r.connectErrors + r.readErrors + r.writeErrors + r.statusErrors + r.timeouts,
  };
}

/** One run against a fresh `openssl ocsp` process, stopped afterwards whatever happens. */
async function measureOpenssl(pin: Pinning, fixture: JlisFixture, kind: RequestKind, connections: number, seconds: number): Promise<Measurement> {
  const openssl = await startOpensslResponder(pin.server, fixture.dir);
  try {
    return await wrk(pin, openssl.url, fixture, kind, connections, seconds);
  } finally {
    await stop(openssl.child);
  }
}

const best = (runs: Measurement[]) => runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));

/**
 * One row: ROUNDS runs of SECONDS/ROUNDS each, jlis and openssl alternating, best run of each kept. Other
 * work on the machine comes and goes; alternating exposes both responders to it alike, and best-of-N drops a
 * run it spoiled.
 */
async function measureRow(
  pin: Pinning,
  jlis: JlisFixture,
  row: { label: string; kind: RequestKind; connections: number; url?: string; openssl: boolean },
): Promise<Row> {
  const seconds = Math.max(1, Math.round(SECONDS / ROUNDS));
  const ours: Measurement[] = [];
  const theirs: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await wrk(pin, row.url ?? jlis.url, jlis, row.kind, row.connections, seconds));
    if (row.openssl) theirs.push(await measureOpenssl(pin, jlis, row.kind, row.connections, seconds));
  }
  return { label: row.label, connections: row.connections, jlis: best(ours), ...(row.openssl ? { openssl: best(theirs) } : {}) };
}

interface Row {
  label: string;
  connections: number;
  jlis: Measurement;
  openssl?: Measurement;
}

const num = (n: number, width: number, digits = 0) => n.toFixed(digits).padStart(width);

function printTable(rows: Row[], pin: Pinning): void {
  console.log("");
  console.log(`OCSP responder benchmark — wrk -t1 over loopback, ${pin.description}`);
  console.log(`each cell: best of ${ROUNDS} runs of ${Math.max(1, Math.round(SECONDS / ROUNDS))} s, jlis and openssl alternating; jlis warm (every answer pre-signed)`);
  console.log(`${GOOD_SERIALS + REVOKED_SERIALS} serials of one S CA (${REVOKED_SERIALS} revoked), delegated RSA-2048 responder; jlis = the whole app (createJlis, PGlite in memory); Node ${process.version}`);
  console.log("");
  console.log("request            conns |   jlis req/s   p50 ms   p99 ms | openssl req/s   p50 ms   p99 ms | jlis/openssl");
  console.log("-------------------------+---------------------------------+---------------------------------+-------------");
  for (const row of rows) {
    const o = row.openssl;
    console.log(
      `${row.label.padEnd(18)} ${num(row.connections, 5)} | ${num(row.jlis.requestsPerSecond, 12)} ${num(row.jlis.p50Ms, 8, 2)} ${num(row.jlis.p99Ms, 8, 2)} | ` +
        (o ? `${num(o.requestsPerSecond, 13)} ${num(o.p50Ms, 8, 2)} ${num(o.p99Ms, 8, 2)} | ${num(row.jlis.requestsPerSecond / o.requestsPerSecond, 10, 1)}×` : `${"—".padStart(13)} ${"".padStart(17)} |`),
    );
  }
  console.log("ceiling (fixed): node:http in the jlis process sending one fixed response with the same headers, nothing else");
  const errors = rows.flatMap((r) => [[`jlis ${r.label} c=${r.connections}`, r.jlis.errors], [`openssl ${r.label} c=${r.connections}`, r.openssl?.errors ?? 0]] as const);
  for (const [cell, count] of errors) if (count > 0) console.log(`note: ${cell}: ${count} wrk errors (connect/read/write/non-2xx/timeout)`);
  const main = rows.find((r) => r.label.startsWith("POST, no nonce") && r.connections === 50);
  if (main?.openssl) {
    const ratio = main.jlis.requestsPerSecond / main.openssl.requestsPerSecond;
    console.log("");
    console.log(`goal at 50 connections, no nonce: ≥ ${GOAL_RATIO}× openssl → ${ratio.toFixed(1)}× ${ratio >= GOAL_RATIO ? "met" : "NOT met"}; ` +
      `p99 < ${GOAL_P99_MS} ms → ${main.jlis.p99Ms.toFixed(2)} ms ${main.jlis.p99Ms < GOAL_P99_MS ? "met" : "NOT met"}`);
  }
}

async function main(): Promise<void> {
  requireTool("wrk", ["-v"], "apt-get install -y wrk");
  requireTool("openssl", ["version"], "apt-get install -y openssl");
  const pin = choosePinning();
  const dir = mkdtempSync(join(tmpdir(), "jlis-ocsp-bench-"));
  stopChildrenOnExit(() => rmSync(dir, { recursive: true, force: true }));
  try {
    console.log("starting the jlis OCSP responder (making CAs, serials and requests)…");
    const jlis = await startJlisResponder(pin.server, dir, GOOD_SERIALS, REVOKED_SERIALS);
    await expectGoodAnswer(jlis.url, dir);
    // The child pre-signed every request (a running jlis has); this warms the JIT before anything counts.
    await wrk(pin, jlis.url, jlis, "post", 8, WARM_UP_SECONDS);

    const rows: Row[] = [];
    for (const connections of CONCURRENCIES) {
      console.log(`measuring POST without nonce, ${connections} connection(s)…`);
      rows.push(await measureRow(pin, jlis, { label: "POST, no nonce", kind: "post", connections, openssl: true }));
    }
    console.log("measuring POST with nonce, GET, and the ceiling…");
    rows.push(await measureRow(pin, jlis, { label: "POST, nonce", kind: "nonce", connections: 50, openssl: true }));
    rows.push(await measureRow(pin, jlis, { label: "GET, no nonce", kind: "get", connections: 50, openssl: false }));
    rows.push(await measureRow(pin, jlis, { label: "ceiling (fixed)", kind: "post", connections: 50, url: jlis.ceilingUrl, openssl: false }));
    printTable(rows, pin);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
