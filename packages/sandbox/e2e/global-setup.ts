// A real jlis and portal in this process (in memory, port 0) and a relying party's return page, for the
// fixtures' specs. The URLs and credentials reach the tests as JPKI_SANDBOX_* variables, as a team's own CI
// would set them. TEST ONLY.
import { createServer } from "node:http";
import { createJlis, testConfig as jlisTestConfig } from "@jpki-sandbox/jlis";
import { createPortal, testConfig as portalTestConfig } from "@jpki-sandbox/portal";

const COUNTER = { id: "sandbox-e2e-counter", secret: "sandbox-e2e-counter-secret-0123" };
export const E2E_BANK = { id: "sandbox-e2e-bank", secret: "sandbox-e2e-bank-secret-0123456" };

export default async function globalSetup(): Promise<() => Promise<void>> {
  const rp = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Relying party</title><h1>back at the relying party</h1><p id="query">${new URL(req.url ?? "/", "http://rp").search}</p>`);
  });
  await new Promise<void>((resolve) => rp.listen(0, "127.0.0.1", resolve));
  const address = rp.address();
  const rpUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const jlis = await createJlis(jlisTestConfig({ counter: COUNTER, adminPassword: "sandbox-e2e-jlis-admin" }));
  const { url: jlisUrl } = await jlis.start(0);
  const portal = await createPortal(
    portalTestConfig({
      jlis: { url: jlisUrl, counterId: COUNTER.id, counterSecret: COUNTER.secret, credentialsFile: "/nonexistent" },
      adminPassword: "sandbox-e2e-portal-admin",
      devBank: { id: E2E_BANK.id, secret: E2E_BANK.secret, returnOrigins: [rpUrl] },
    }),
  );
  const { url: portalUrl } = await portal.start(0);

  Object.assign(process.env, {
    JPKI_SANDBOX_JLIS_URL: jlisUrl,
    JPKI_SANDBOX_PORTAL_URL: portalUrl,
    JPKI_SANDBOX_BANK_URL: rpUrl,
    JPKI_SANDBOX_JLIS_ADMIN_PASSWORD: "sandbox-e2e-jlis-admin",
    JPKI_SANDBOX_PORTAL_ADMIN_PASSWORD: "sandbox-e2e-portal-admin",
  });
  return async () => {
    await portal.stop();
    await jlis.stop();
    await new Promise<void>((resolve) => rp.close(() => resolve()));
  };
}
