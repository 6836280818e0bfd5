/**
 * portal process entry: configuration from the environment, start, print where things are, stop cleanly on
 * SIGINT/SIGTERM (turbo may send SIGINT twice; the second is ignored while stopping).
 */
import { stopOnSignals } from "@jpki-sandbox/service-kit";
import { createPortal } from "./app.js";
import { ConfigError, configFromEnv } from "./config/env.js";

async function main(): Promise<void> {
  const config = configFromEnv();
  const portal = await createPortal(config);
  const { url } = await portal.start();
  const { bank, admin } = portal.devCredentials;
  console.log(
    [
      "",
      `  Citizen portal (マイナポータル風, TEST ONLY) listening on ${url}`,
      `    counter   ${url}/counter      (市区町村窓口: issue 花子's card)`,
      `    my cards  ${url}/cards`,
      `    jlis      ${config.jlis.url}`,
      `    bank API  client ${bank.id}, secret ${bank.secret}${portal.devCredentialsFile ? `  (saved in ${portal.devCredentialsFile})` : ""}`,
      `    operator  user ${admin.user}, password ${admin.password}`,
      `    database  ${portal.database.describe()}`,
      "",
    ].join("\n"),
  );
  stopOnSignals(portal);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
