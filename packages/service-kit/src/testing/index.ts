export { dropSchema, postgresReachable, redactedUrl, TEST_POSTGRES_URL, uniqueSchemaName } from "./postgres.js";
export { createTestBrowser, type TestBrowser } from "./browser.js";
