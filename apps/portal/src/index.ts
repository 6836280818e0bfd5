export { createPortal, type Portal, type PortalDevCredentials } from "./app.js";
export { configFromEnv, testConfig, type PortalConfig } from "./config/env.js";
export type * from "./shared/api-types.js";
