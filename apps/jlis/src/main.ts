/**
 * jlis process entry: configuration from the environment, start, print where things are, stop cleanly on
 * SIGINT/SIGTERM (turbo may send SIGINT twice; the second is ignored while stopping).
 */
import { createJlis } from "./app.js";
import { ConfigError, configFromEnv } from "./config/env.js";

async function main(): Promise<void> {
  const config = configFromEnv();
  const jlis = await createJlis(config);
  const { url } = await jlis.start();
  const { counter, admin } = jlis.devCredentials;
  console.log(
    [
      "",
      `  J-LIS (mock, TEST ONLY) listening on ${url}`,
      `    OCSP      ${url}/ocsp/s   ${url}/ocsp/r`,
      `    CRL       ${url}/crl/s.crl   ${url}/crl/r.crl`,
      `    CA        ${url}/ca/s.cer   ${url}/ca/r.cer`,
      `    console   ${url}/admin/   (user ${admin.user}, password ${admin.password})`,
      `    counter   id ${counter.id}, secret ${counter.secret}${jlis.devCredentialsFile ? `  (saved in ${jlis.devCredentialsFile})` : ""}`,
      `    database  ${jlis.database.describe()}`,
      "",
    ].join("\n"),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    jlis.logger.info({ signal }, "stopping");
    jlis.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        jlis.logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
