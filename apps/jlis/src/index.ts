/** Embedding jlis (tests, packages/sandbox): create, start on a port (0 = any), stop. */
export { createJlis, type Jlis, type DevCredentials } from "./app.js";
export { configFromEnv, testConfig, type JlisConfig } from "./config/env.js";
export { createFixedClock, createSandboxClock, type Clock, type SandboxClock } from "./domain/clock.js";
