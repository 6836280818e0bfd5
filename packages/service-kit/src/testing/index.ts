export { dropSchema, postgresReachable, redactedUrl, TEST_POSTGRES_URL, uniqueSchemaName } from "./postgres.js";
