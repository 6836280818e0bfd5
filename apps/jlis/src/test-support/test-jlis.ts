/**
 * Starts an ephemeral jlis (in-memory PGlite, fresh keys, port 0) for API tests, with helpers for the
 * three kinds of callers. TEST ONLY.
 */
import { createJlis, type Jlis } from "../app.js";
import { testConfig, type JlisConfig } from "../config/env.js";
import { generateSecret, hashSecret } from "@jpki-sandbox/service-kit";
import { VERIFIER_SCOPES, type VerifierScope } from "../domain/credentials.js";
import { buildOcspRequest, HANAKO, parseOcspResponse, parseX509, type Persona } from "@jpki-sandbox/jpki-core";
import { createSoftwareCard, type SoftwareCard } from "./software-card.js";

export const TEST_COUNTER_SECRET = "test-counter-secret-0123456789";
export const TEST_ADMIN_PASSWORD = "test-admin-password";

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

export interface TestJlis {
  jlis: Jlis;
  url: string;
  counterAuth: string;
  adminAuth: string;
  /** fetch relative to jlis, JSON body when `json` is given. */
  call(path: string, init?: RequestInit & { json?: unknown; auth?: string }): Promise<Response>;
  /** Registers a verifier with the scopes and returns its Authorization header value. */
  addVerifier(id: string, scopes?: readonly VerifierScope[]): Promise<string>;
  /** Registers a persona and issues a card with S and R. */
  issueCard(persona?: Persona, card?: SoftwareCard): Promise<IssuedTestCard>;
  stop(): Promise<void>;
}

export interface IssuedTestCard {
  card: SoftwareCard;
  residentId: string;
  cardId: string;
  sSerial: string;
  rSerial: string;
  sPem: string;
  rPem: string;
}

export async function startTestJlis(overrides: Partial<JlisConfig> = {}): Promise<TestJlis> {
  const config = testConfig({ adminPassword: TEST_ADMIN_PASSWORD, ...overrides, counter: { id: "test-counter", secret: TEST_COUNTER_SECRET } });
  const jlis = await createJlis(config);
  const { url } = await jlis.start(0);
  const counterAuth = basic("test-counter", TEST_COUNTER_SECRET);
  const adminAuth = basic("admin", TEST_ADMIN_PASSWORD);
  const call: TestJlis["call"] = (path, init = {}) => {
    const { json, auth, headers, ...rest } = init;
    return fetch(url + path, {
      ...rest,
      ...(json === undefined ? {} : { body: JSON.stringify(json), method: rest.method ?? "POST" }),
      headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...(auth ? { authorization: auth } : {}), ...(headers as Record<string, string>) },
    });
  };
  const residentFields = (persona: Persona) => {
    const { id: _id, requestSigningCertificate: _r, ...fields } = persona;
    void _id;
    void _r;
    return fields;
  };
  return {
    jlis,
    url,
    counterAuth,
    adminAuth,
    call,
    async addVerifier(id, scopes = VERIFIER_SCOPES) {
      const secret = generateSecret();
      await jlis.store.clients.upsert({ id, kind: "verifier", name: `test verifier ${id}`, secretHash: await hashSecret(secret), scopes: [...scopes], createdAt: new Date(), disabledAt: null });
      return basic(id, secret);
    },
    async issueCard(persona = HANAKO, card) {
      const softwareCard = card ?? (await createSoftwareCard());
      const registered = await call("/api/v1/residents", { auth: counterAuth, json: residentFields(persona) });
      if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${await registered.text()}`);
      const residentId = ((await registered.json()) as { resident: { id: string } }).resident.id;
      const issued = await call(`/api/v1/residents/${residentId}/cards`, {
        auth: counterAuth,
        json: { userAuthCsr: await softwareCard.userAuthCsr(), signingCsr: await softwareCard.signingCsr(), requestSigningCertificate: true },
      });
      if (issued.status !== 201) throw new Error(`issue failed: ${issued.status} ${await issued.text()}`);
      const body = (await issued.json()) as {
        card: { id: string };
        userAuthCertificate: { serialNumber: string; pem: string };
        signingCertificate: { serialNumber: string; pem: string };
      };
      return {
        card: softwareCard,
        residentId,
        cardId: body.card.id,
        sSerial: body.signingCertificate.serialNumber,
        rSerial: body.userAuthCertificate.serialNumber,
        sPem: body.signingCertificate.pem,
        rPem: body.userAuthCertificate.pem,
      };
    },
    stop: () => jlis.stop(),
  };
}

/** What jlis's OCSP answers for one serial (a no-nonce POST): good / revoked / unknown, or the error status. */
export async function ocspStatusOf(t: TestJlis, kind: "s" | "r", serial: string): Promise<string | undefined> {
  const issuer = parseX509(await (await t.call(`/ca/${kind}.pem`)).text());
  const { der } = await buildOcspRequest({ issuer, serialNumbers: [serial], nonce: false });
  const response = await t.call(`/ocsp/${kind}`, { method: "POST", body: der, headers: { "content-type": "application/ocsp-request" } });
  const parsed = parseOcspResponse(new Uint8Array(await response.arrayBuffer()));
  return parsed.responseStatus === "successful" ? parsed.responses[0]?.status : parsed.responseStatus;
}
