/**
 * @jpki-sandbox/service-kit: the server plumbing every sandbox app shares (Node only). Databases (PGlite or
 * PostgreSQL, migrations applied from Node), RFC 9457 problems and the Express handlers that write them,
 * input validation, HTTP Basic credentials and hashed secrets, and a client for other sandbox services.
 */
export {
  databaseLocation,
  openDatabase,
  type Database,
  type DatabaseDefinition,
  type DatabaseLocation,
  type PrismaDriverAdapter,
} from "./db/database.js";
export { applyMigrations, MigrationError, readMigrations, type Migration, type SqlSession } from "./db/migrations.js";
export { isServiceError, ServiceError } from "./errors.js";
export { PROBLEM_CONTENT_TYPE, problemFromError, problemOf, sendProblem, type Problem, type ProblemOptions } from "./http/problem.js";
export { problemHandlers, type ProblemHandlerOptions } from "./http/problem-handlers.js";
export { parseInput } from "./http/validation.js";
export { buildOpenApiDocument, type OpenApiDocumentOptions, type OpenApiOperation } from "./http/openapi.js";
export { basicCredentials, generateSecret, hashSecret, isAdminCredential, verifySecret } from "./credentials.js";
export { REDACTED_HEADERS, requestLogger } from "./http/request-logger.js";
export { createServiceApp, type ServiceAppOptions } from "./http/service-app.js";
export { serveWebUi, type WebUiOptions } from "./http/web-ui.js";
export { createCsrfGuard, type CsrfGuard, type CsrfGuardOptions } from "./http/csrf.js";
export { baseUrlOf, closeServer, listen, stopOnSignals } from "./http/server-lifecycle.js";
export {
  DEFAULT_TIMEOUT_MS,
  networkErrorCode,
  ServiceBadResponseError,
  ServiceClient,
  ServiceProblemError,
  ServiceUnreachableError,
  type BasicAuth,
  type ServiceClientOptions,
} from "./client/service-client.js";
