/**
 * The listening server: a bare node:http server that answers OCSP itself (the hot path; an Express route
 * costs ~3× more per request, NOTES.md) and hands every other request to Express.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";

/** Answers the request and returns true, or returns false to pass it on. */
export type FastPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createHttpServer(app: RequestListener, fastPaths: readonly FastPathHandler[]): Server {
  const server = createServer((req, res) => {
    for (const handle of fastPaths) if (handle(req, res)) return;
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
