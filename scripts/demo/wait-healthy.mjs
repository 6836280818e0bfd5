// Waits until every app answers GET /healthz with 200 (or the deadline passes, or `signal` aborts).

/**
 * @param {Array<{ name: string, url: string }>} apps
 * @param {{ timeoutMs?: number, intervalMs?: number, signal?: AbortSignal }} [options]
 */
export async function waitHealthy(apps, { timeoutMs = 180_000, intervalMs = 500, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(apps.map((app) => app.name));
  while (pending.size > 0) {
    if (signal?.aborted) throw new Error("stopped before the apps were up");
    for (const app of apps) {
      if (!pending.has(app.name)) continue;
      try {
        const response = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) pending.delete(app.name);
      } catch {
        // not listening yet
      }
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) throw new Error(`not healthy after ${Math.round(timeoutMs / 1000)} s: ${[...pending].join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
