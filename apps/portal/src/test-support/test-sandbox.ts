/**
 * An ephemeral jlis and portal, both in memory on port 0, for the portal's API tests. jlis is the real app
 * (a test-only dependency: the portal itself only ever talks to it over HTTP). TEST ONLY.
 */
import { createJlis, testConfig as jlisTestConfig, type Jlis } from "@jpki-sandbox/jlis";
import { HANAKO, type Persona } from "@jpki-sandbox/jpki-core";
import { createTestBrowser, type TestBrowser } from "@jpki-sandbox/service-kit/testing";
import type { Logger } from "pino";
import { createPortal, type Portal } from "../app.js";
import { testConfig, type PortalConfig } from "../config/env.js";
import type { CardView, SigningRequestCreated, SigningRequestInput } from "../shared/api-types.js";

export const TEST_COUNTER = { id: "portal-test-counter", secret: "portal-test-counter-secret-0123" };
export const TEST_BANK = { id: "test-bank", secret: "test-bank-secret-0123456789", origin: "http://bank.test:4020" };
export const TEST_ADMIN_PASSWORD = "portal-test-admin";
export type { TestBrowser };
export const HANAKO_PINS = { userAuthPin: "1234", signingPin: "HANAKO2010" } as const;

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
export const bankAuth = basic(TEST_BANK.id, TEST_BANK.secret);
export const operatorAuth = basic("admin", TEST_ADMIN_PASSWORD);

export interface TestSandbox {
  jlis: Jlis;
  jlisUrl: string;
  portal: Portal;
  url: string;
  /** A browser: keeps the session cookies, sends the CSRF token on POSTs. */
  browser: TestBrowser;
  /** fetch relative to the portal; JSON body when `json` is given; no cookies. */
  call(path: string, init?: RequestInit & { json?: unknown; auth?: string }): Promise<Response>;
  issueHanako(persona?: Persona): Promise<CardView>;
  /** A bank's signing request, as the test bank client. */
  createRequest(input: SigningRequestInput): Promise<SigningRequestCreated>;
  stop(): Promise<void>;
}

export interface TestSandboxOptions {
  portal?: Partial<PortalConfig>;
  /** The portal's logger (default: pino at the test log level). */
  logger?: Logger;
  approvalClock?: () => Date;
  /** Share one jlis between portals (restart tests). */
  jlis?: Jlis;
}

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const ownJlis = options.jlis === undefined;
  const jlis = options.jlis ?? (await createJlis(jlisTestConfig({ counter: TEST_COUNTER })));
  const jlisUrl = ownJlis ? (await jlis.start(0)).url : jlis.url();
  const portal = await createPortal(
    testConfig({
      jlis: { url: jlisUrl, counterId: TEST_COUNTER.id, counterSecret: TEST_COUNTER.secret, credentialsFile: "/nonexistent" },
      adminPassword: TEST_ADMIN_PASSWORD,
      devBank: { id: TEST_BANK.id, secret: TEST_BANK.secret, returnOrigins: [TEST_BANK.origin] },
      ...options.portal,
    }),
    { ...(options.approvalClock ? { approvalClock: options.approvalClock } : {}), ...(options.logger ? { logger: options.logger } : {}) },
  );
  const { url } = await portal.start(0);

  const call: TestSandbox["call"] = (path, init = {}) => {
    const { json, auth, headers, ...rest } = init;
    return fetch(url + path, {
      ...rest,
      ...(json === undefined ? {} : { body: JSON.stringify(json), method: rest.method ?? "POST" }),
      headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...(auth ? { authorization: auth } : {}), ...(headers as Record<string, string>) },
    });
  };
  const browser = createTestBrowser(url);
  const sandbox: TestSandbox = {
    jlis,
    jlisUrl,
    portal,
    url,
    browser,
    call,
    async issueHanako(persona = HANAKO) {
      const response = await browser.post("/api/counter/cards", { persona, ...HANAKO_PINS });
      if (response.status !== 201) throw new Error(`issuing failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { card: CardView }).card;
    },
    async createRequest(input) {
      const response = await call("/api/v1/signing-requests", { json: input, auth: bankAuth });
      if (response.status !== 201) throw new Error(`creating the request failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as SigningRequestCreated;
    },
    async stop() {
      await portal.stop();
      if (ownJlis) await jlis.stop();
    },
  };
  return sandbox;
}
