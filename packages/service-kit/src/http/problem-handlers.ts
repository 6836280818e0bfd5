/**
 * Express 5's last two handlers for a JSON API: unknown routes are a NOT_FOUND problem, and every error,
 * body-parser's included, is written as an RFC 9457 problem document with the request's URL as `instance`.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ServiceError } from "../errors.js";
import { PROBLEM_CONTENT_TYPE, problemFromError, problemOf, type Problem, type ProblemOptions } from "./problem.js";

export interface ProblemHandlerOptions extends ProblemOptions {
  /** Appended to the 404 detail, e.g. "see /openapi.json". */
  notFoundHint?: string;
}

/** body-parser's error types (express.json() and friends) as problems. */
function bodyParserProblem(error: unknown): Problem | undefined {
  const type = typeof error === "object" && error !== null ? (error as { type?: unknown }).type : undefined;
  switch (type) {
    case "entity.too.large":
      return problemOf("PAYLOAD_TOO_LARGE", 413, "the request body is too large");
    case "entity.parse.failed":
      return problemOf("BAD_REQUEST", 400, "the request body is not valid JSON");
    case "encoding.unsupported":
    case "charset.unsupported":
      return problemOf("UNSUPPORTED_MEDIA_TYPE", 415, "unsupported body encoding");
    default:
      return undefined;
  }
}

interface RequestLog {
  error(object: object, message: string): void;
}

export function problemHandlers(options: ProblemHandlerOptions = {}): { notFound: RequestHandler; errors: ErrorRequestHandler } {
  const hint = options.notFoundHint === undefined ? "" : `; ${options.notFoundHint}`;
  const notFound: RequestHandler = (req, _res, next) => {
    next(new ServiceError("NOT_FOUND", 404, `no endpoint ${req.method} ${req.path}${hint}`));
  };
  const errors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    void _next;
    const problem = bodyParserProblem(error) ?? problemFromError(error, options);
    // pino-http puts a logger on req.log; an app without one logs nothing here.
    if (problem.status >= 500) (req as { log?: RequestLog }).log?.error({ err: error }, "request failed");
    res.locals.problemCode = problem.code;
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...problem, instance: req.originalUrl }));
  };
  return { notFound, errors };
}
