/**
 * The real jlis and portal in this process, in memory on port 0 (test-only dependencies: the client itself
 * only talks HTTP), and a Sandbox connected to them. TEST ONLY.
 */
import { createJlis, testConfig as jlisTestConfig, type Jlis } from "@jpki-sandbox/jlis";
import { createPortal, testConfig as portalTestConfig, type Portal } from "@jpki-sandbox/portal";
import { connectSandbox, type Sandbox } from "../sandbox.js";

export const TEST_COUNTER = { id: "sandbox-test-counter", secret: "sandbox-test-counter-secret-0123" };
export const TEST_BANK = { id: "sandbox-test-bank", secret: "sandbox-test-bank-secret-0123456", origin: "http://bank.test:4020" };
export const JLIS_ADMIN_PASSWORD = "sandbox-test-jlis-admin";
export const PORTAL_ADMIN_PASSWORD = "sandbox-test-portal-admin";

export interface InProcessSandbox {
  jlis: Jlis;
  portal: Portal;
  sandbox: Sandbox;
  /** A relying party's server-to-server call: create a signing request at the portal as the test bank. */
  createSigningRequest(input: Record<string, unknown>): Promise<{ id: string; approvalUrl: string }>;
  /** …and redeem the code the citizen's approval produced. */
  redeem(code: string, state: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startInProcessSandbox(): Promise<InProcessSandbox> {
  const jlis = await createJlis(jlisTestConfig({ counter: TEST_COUNTER, adminPassword: JLIS_ADMIN_PASSWORD }));
  const { url: jlisUrl } = await jlis.start(0);
  const portal = await createPortal(
    portalTestConfig({
      jlis: { url: jlisUrl, counterId: TEST_COUNTER.id, counterSecret: TEST_COUNTER.secret, credentialsFile: "/nonexistent" },
      adminPassword: PORTAL_ADMIN_PASSWORD,
      devBank: { id: TEST_BANK.id, secret: TEST_BANK.secret, returnOrigins: [TEST_BANK.origin] },
    }),
  );
  const { url: portalUrl } = await portal.start(0);
  const sandbox = connectSandbox({
    jlisUrl,
    portalUrl,
    bankUrl: TEST_BANK.origin,
    jlisAdmin: { password: JLIS_ADMIN_PASSWORD },
    portalAdmin: { password: PORTAL_ADMIN_PASSWORD },
    env: {},
  });
  const bank = `Basic ${Buffer.from(`${TEST_BANK.id}:${TEST_BANK.secret}`).toString("base64")}`;
  const bankPost = async (path: string, body: unknown, status: number) => {
    const response = await fetch(portalUrl + path, { method: "POST", headers: { authorization: bank, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status !== status) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    jlis,
    portal,
    sandbox,
    createSigningRequest: async (input) => (await bankPost("/api/v1/signing-requests", input, 201)) as { id: string; approvalUrl: string },
    redeem: (code, state) => bankPost("/api/v1/signing-results", { code, state }, 200),
    async stop() {
      await portal.stop();
      await jlis.stop();
    },
  };
}
