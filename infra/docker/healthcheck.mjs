#!/usr/bin/env node
/**
 * Container health check for the sandbox images (node:20-slim has no curl or wget):
 *
 *   node /app/healthcheck.mjs <app>        exit 0 when GET http://127.0.0.1:<port>/healthz answers 2xx
 *
 * The port is the app's own setting (JPKI_<APP>_PORT) so an override moves the check with it.
 */
const DEFAULT_PORTS = { jlis: 4010, bank: 4020, portal: 4030 };

const app = process.argv[2] ?? "";
if (!Object.hasOwn(DEFAULT_PORTS, app)) {
  console.error(`usage: node healthcheck.mjs ${Object.keys(DEFAULT_PORTS).join("|")}`);
  process.exit(2);
}
const port = process.env[`JPKI_${app.toUpperCase()}_PORT`] || DEFAULT_PORTS[/** @type {keyof typeof DEFAULT_PORTS} */ (app)];

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: ${app} on :${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
