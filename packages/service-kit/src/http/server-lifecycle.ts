/**
 * Starting and stopping an app's node:http server the same way everywhere: listen (port 0 = any, for tests),
 * the base URL others reach it by, a graceful close that does not wait on idle keep-alive connections, and
 * SIGINT/SIGTERM handling for the process entry (turbo may send SIGINT twice; the second is ignored).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/** Listens on `host:port` and resolves with the port actually bound. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** The base URL for a bound address; a wildcard bind is reached as localhost. */
export function baseUrlOf(host: string, port: number): string {
  return `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`;
}

/** Stops accepting, closes idle connections now and busy ones after `graceMs`. */
export async function closeServer(server: Server, graceMs = 2_000): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), graceMs).unref();
  await closed;
}

/** Stops the service on SIGINT/SIGTERM, then exits 0 (1 when stopping fails). */
export function stopOnSignals(service: { logger: Logger; stop(): Promise<void> }): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    service.logger.info({ signal }, "stopping");
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        service.logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
