/**
 * The whole sandbox in one process for the bank's API tests: a real jlis and a real portal (test-only
 * dependencies: the bank itself only talks to them over HTTP) and the bank, all in memory on port 0, plus a
 * scripted citizen who holds 花子's virtual card at the portal and approves the bank's requests. TEST ONLY.
 */
import { createJlis, testConfig as jlisTestConfig, type Jlis } from "@jpki-sandbox/jlis";
import { HANAKO, type Persona } from "@jpki-sandbox/jpki-core";
import { createPortal, testConfig as portalTestConfig, type Portal } from "@jpki-sandbox/portal";
import { createTestBrowser, type TestBrowser } from "@jpki-sandbox/service-kit/testing";
import { createBank, type Bank, type BankOptions } from "../app.js";
import { testConfig, type BankConfig } from "../config/env.js";
import type { JourneyStarted, JourneyView } from "../shared/api-types.js";

export const TEST_COUNTER = { id: "bank-test-counter", secret: "bank-test-counter-secret-0123" };
export const TEST_VERIFIER = { id: "bank-test-verifier", secret: "bank-test-verifier-secret-0123" };
export const TEST_PORTAL_CLIENT = { id: "bank-test-client", secret: "bank-test-client-secret-0123456" };
export const TEST_STAFF_PASSWORD = "bank-test-staff";
export const HANAKO_PINS = { userAuthPin: "1234", signingPin: "HANAKO2010" } as const;
export const HANAKO_FORM = { name: HANAKO.name, dateOfBirth: HANAKO.dateOfBirth, sex: HANAKO.sex, address: HANAKO.address } as const;
export const staffAuth = `Basic ${Buffer.from(`staff:${TEST_STAFF_PASSWORD}`).toString("base64")}`;

export interface IssuedCard {
  id: string;
  signingSerial: string;
  userAuthSerial: string;
}

export interface BankSandbox {
  jlis: Jlis;
  portal: Portal;
  bank: Bank;
  bankUrl: string;
  portalUrl: string;
  /** The customer's browser at the bank (cookies + CSRF). */
  customer: TestBrowser;
  /** The same person at the portal (their cards, the approval pages). */
  citizen: TestBrowser;
  issueCard(persona?: Persona, pins?: { userAuthPin: string; signingPin: string }): Promise<IssuedCard>;
  /** At the portal: approve the request behind `approvalUrl` with the card and PIN; answers the bank's callback URL. */
  approve(approvalUrl: string, cardId: string, pin: string): Promise<string>;
  cancel(approvalUrl: string): Promise<string>;
  /** The customer's browser follows the callback: answers the journey it lands on. */
  returnToBank(callbackUrl: string): Promise<JourneyView>;
  /** POST a journey start at the bank as the customer (201 expected). */
  start(path: string, body?: unknown): Promise<JourneyStarted>;
  /** Opening ①–⑧ end to end with the card's S PIN. */
  openAccount(cardId: string, form?: typeof HANAKO_FORM | Record<string, string>, pin?: string): Promise<JourneyView>;
  /** Login ①'–⑥' end to end with the card's R PIN. */
  logIn(cardId: string, pin?: string): Promise<JourneyView>;
  /** Staff's browser at the bank (HTTP Basic staff + cookies + CSRF). */
  staff: TestBrowser;
  stop(): Promise<void>;
}

export interface BankSandboxOptions {
  bank?: Partial<BankConfig>;
  bankOptions?: BankOptions;
}

export async function startBankSandbox(options: BankSandboxOptions = {}): Promise<BankSandbox> {
  const jlis = await createJlis(jlisTestConfig({ counter: TEST_COUNTER, verifier: TEST_VERIFIER }));
  const { url: jlisUrl } = await jlis.start(0);
  const portal = await createPortal(
    portalTestConfig({
      jlis: { url: jlisUrl, counterId: TEST_COUNTER.id, counterSecret: TEST_COUNTER.secret, credentialsFile: "/nonexistent" },
      devBank: { id: TEST_PORTAL_CLIENT.id, secret: TEST_PORTAL_CLIENT.secret, returnOrigins: ["http://127.0.0.1:1"] },
    }),
  );
  const { url: portalUrl } = await portal.start(0);
  const bank = await createBank(
    testConfig({
      jlis: { url: jlisUrl, id: TEST_VERIFIER.id, secret: TEST_VERIFIER.secret, credentialsFile: "/nonexistent" },
      portal: { url: portalUrl, id: TEST_PORTAL_CLIENT.id, secret: TEST_PORTAL_CLIENT.secret, credentialsFile: "/nonexistent" },
      staffPassword: TEST_STAFF_PASSWORD,
      ...options.bank,
    }),
    options.bankOptions,
  );
  const { url: bankUrl } = await bank.start(0);
  // Now that the bank's origin is known, the portal lets the browser return there.
  await portal.bankClients.register({ id: TEST_PORTAL_CLIENT.id, name: "Sandbox Bank (test)", returnOrigins: [new URL(bankUrl).origin], secret: TEST_PORTAL_CLIENT.secret });

  const customer = createTestBrowser(bankUrl);
  const citizen = createTestBrowser(portalUrl);
  const requestIdOf = (approvalUrl: string) => new URL(approvalUrl).pathname.split("/").filter(Boolean).pop()!;
  const expectStatus = async (response: Response, status: number, what: string) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return response;
  };

  const sandbox: BankSandbox = {
    jlis,
    portal,
    bank,
    bankUrl,
    portalUrl,
    customer,
    citizen,
    async issueCard(persona = HANAKO, pins = HANAKO_PINS) {
      const response = await expectStatus(await citizen.post("/api/counter/cards", { persona, ...pins }), 201, "issuing a card");
      const { card } = (await response.json()) as { card: { id: string; certificates: Record<"signing" | "userAuth", { serialNumber: string } | null> } };
      return { id: card.id, signingSerial: card.certificates.signing?.serialNumber ?? "", userAuthSerial: card.certificates.userAuth?.serialNumber ?? "" };
    },
    async approve(approvalUrl, cardId, pin) {
      const response = await citizen.post(`/api/approvals/${requestIdOf(approvalUrl)}/approve`, { cardId, pin });
      await expectStatus(response, 200, "approving at the portal");
      return ((await response.json()) as { redirectTo: string }).redirectTo;
    },
    async cancel(approvalUrl) {
      const response = await expectStatus(await citizen.post(`/api/approvals/${requestIdOf(approvalUrl)}/cancel`, {}), 200, "cancelling at the portal");
      return ((await response.json()) as { redirectTo: string }).redirectTo;
    },
    async returnToBank(callbackUrl) {
      const back = await customer.get(callbackUrl);
      if (back.status !== 303) throw new Error(`callback: ${back.status} ${await back.text()}`);
      const journey = await expectStatus(await customer.get(`/api${back.headers.get("location")!}`), 200, "reading the journey");
      return (await journey.json()) as JourneyView;
    },
    async start(path, body = {}) {
      const response = await expectStatus(await customer.post(path, body), 201, `POST ${path}`);
      return (await response.json()) as JourneyStarted;
    },
    async openAccount(cardId, form = HANAKO_FORM, pin = HANAKO_PINS.signingPin) {
      const { approvalUrl } = await sandbox.start("/api/applications", form);
      return sandbox.returnToBank(await sandbox.approve(approvalUrl, cardId, pin));
    },
    async logIn(cardId, pin = HANAKO_PINS.userAuthPin) {
      const { approvalUrl } = await sandbox.start("/api/logins");
      return sandbox.returnToBank(await sandbox.approve(approvalUrl, cardId, pin));
    },
    staff: createTestBrowser(bankUrl, { headers: { authorization: staffAuth } }),
    async stop() {
      await bank.stop();
      await portal.stop();
      await jlis.stop();
    },
  };
  return sandbox;
}
