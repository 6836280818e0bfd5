export { createBank, type Bank, type BankOptions } from "./app.js";
export { configFromEnv, testConfig, type BankConfig } from "./config/env.js";
export type * from "./shared/api-types.js";
