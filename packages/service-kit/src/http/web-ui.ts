/**
 * Serving an app's built React UI from Express: the files of dist/web, and index.html for every other GET
 * that is not an API path (client-side routes such as /cards/… or /journeys/…). When the UI is not built,
 * a 503 says how to build it rather than a bare 404.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Express } from "express";
import express from "express";

export interface WebUiOptions {
  /** The built UI (an app's dist/web). */
  webDir: string;
  /** GET paths that are not UI routes (the app's API prefixes), e.g. /^\/api\//. */
  apiPaths: RegExp;
  /** What to run when the UI is missing, e.g. "npm run build -w apps/portal". */
  buildCommand: string;
}

export function serveWebUi(app: Express, options: WebUiOptions): void {
  app.use(express.static(options.webDir, { index: false }));
  app.get(/.*/, (req, res, next) => {
    if (options.apiPaths.test(req.path)) return next();
    const index = path.join(options.webDir, "index.html");
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type("text/plain").send(`The UI is not built: run \`${options.buildCommand}\`.`);
  });
}
