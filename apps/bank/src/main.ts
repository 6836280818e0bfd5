/**
 * bank process entry: configuration from the environment, start, print where things are, stop cleanly on
 * SIGINT/SIGTERM.
 */
import { stopOnSignals } from "@jpki-sandbox/service-kit";
import { createBank } from "./app.js";
import { ConfigError, configFromEnv } from "./config/env.js";

async function main(): Promise<void> {
  const config = configFromEnv();
  const bank = await createBank(config);
  const { url } = await bank.start();
  console.log(
    [
      "",
      `  Sandbox Bank (relying party, TEST ONLY) listening on ${url}`,
      `    open an account  ${url}/open      (① – ⑧, signed with S)`,
      `    log in           ${url}/login     (①' – ⑥', with R)`,
      `    staff view       ${url}/staff     (user staff, password ${config.staffPassword})`,
      `    portal           ${config.portal.url}`,
      `    jlis             ${config.jlis.url}`,
      `    re-validation    ${config.revalidationIntervalSeconds > 0 ? `every ${config.revalidationIntervalSeconds} s` : "off (staff button only)"}`,
      `    database         ${bank.database.describe()}`,
      "",
    ].join("\n"),
  );
  stopOnSignals(bank);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
