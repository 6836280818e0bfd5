/**
 * jlis process entry: configuration from the environment, start, print where things are, stop cleanly on
 * SIGINT/SIGTERM (turbo may send SIGINT twice; the second is ignored while stopping).
 */
import { stopOnSignals } from "@jpki-sandbox/service-kit";
import { createJlis } from "./app.js";
import { ConfigError, configFromEnv } from "./config/env.js";

async function main(): Promise<void> {
  const config = configFromEnv();
  const jlis = await createJlis(config);
  const { url } = await jlis.start();
  const { counter, verifier, admin } = jlis.devCredentials;
  console.log(
    [
      "",
      `  J-LIS (mock, TEST ONLY) listening on ${url}`,
      `    OCSP      ${url}/ocsp/s   ${url}/ocsp/r`,
      `    CRL       ${url}/crl/s.crl   ${url}/crl/r.crl`,
      `    CA        ${url}/ca/s.cer   ${url}/ca/r.cer`,
      `    console   ${url}/admin/   (user ${admin.user}, password ${admin.password})`,
      `    counter   id ${counter.id}, secret ${counter.secret}${jlis.devCredentialsFile ? `  (saved in ${jlis.devCredentialsFile})` : ""}`,
      `    verifier  id ${verifier.id}, secret ${verifier.secret}  (the bank's linkage credential)`,
      `    database  ${jlis.database.describe()}`,
      "",
    ].join("\n"),
  );
  stopOnSignals(jlis);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
