/**
 * createBank(config): wires the store, J-LIS and portal clients, the domain services, the re-validation
 * schedule and the HTTP server — the one place that knows how the parts fit. Usable embedded: `start(0)` in a
 * test, `stop()` after.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { baseUrlOf, closeServer, createCsrfGuard, listen, openDatabase, type BasicAuth, type Database } from "@jpki-sandbox/service-kit";
import { pino, type Logger } from "pino";
import { createJlisClient } from "./clients/jlis-client.js";
import { createPortalClient } from "./clients/portal-client.js";
import type { BankConfig, Credential } from "./config/env.js";
import { bankChallengeStore } from "./domain/challenge-store.js";
import { CustomerBook } from "./domain/customers.js";
import { BankError } from "./domain/errors.js";
import { JourneyService } from "./domain/journeys/journey-service.js";
import { CertificateVerifier } from "./domain/journeys/verification.js";
import type { BankStore, JlisServices, PortalApprovals } from "./domain/ports.js";
import { RevalidationService } from "./domain/revalidation/revalidation-service.js";
import { SessionService } from "./domain/sessions.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { createExpressApp } from "./server/express-app.js";
import { createPrismaStore } from "./store/prisma-store.js";

/** prisma/migrations beside src/ and dist/. */
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");
/** Any constant; one per app, so apps sharing a PostgreSQL do not wait on each other's migrations. */
const MIGRATION_LOCK_KEY = 72_010_4020;

export interface Bank {
  config: BankConfig;
  logger: Logger;
  store: BankStore;
  database: Database<PrismaClient>;
  jlis: JlisServices;
  journeys: JourneyService;
  revalidation: RevalidationService;
  url(): string;
  start(port?: number): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/**
 * A credential at another app: configured, else read (when needed, so the other app may start later) from
 * that app's dev-credentials.json under `key`.
 */
function credentialFrom(credential: Credential, key: "verifier" | "bank", what: string): () => BasicAuth {
  const { id, secret, credentialsFile } = credential;
  if (id && secret) return () => ({ user: id, password: secret });
  return () => {
    const unavailable = key === "verifier" ? "JLIS_UNAVAILABLE" : "PORTAL_UNAVAILABLE";
    if (!existsSync(credentialsFile)) throw new BankError(unavailable, `no ${what}: set it in the environment, or start the sandbox (npm start) so that ${credentialsFile} exists`);
    const saved = (JSON.parse(readFileSync(credentialsFile, "utf8")) as Record<string, { id?: string; secret?: string } | undefined>)[key];
    if (!saved?.id || !saved.secret) throw new BankError(unavailable, `${credentialsFile} has no ${key} credential`);
    return { user: saved.id, password: saved.secret };
  };
}

export interface BankOptions {
  logger?: Logger;
  /** Real time for challenges, sessions and records (tests move it). */
  clock?: () => Date;
  /** OCSP retry waits (tests skip them). */
  sleep?: (ms: number) => Promise<void>;
}

export async function createBank(config: BankConfig, options: BankOptions = {}): Promise<Bank> {
  const logger = options.logger ?? pino({ name: "bank", level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const database = await openDatabase(
    { migrationsDir: MIGRATIONS_DIR, migrationLockKey: MIGRATION_LOCK_KEY, createClient: (adapter) => new PrismaClient({ adapter }) },
    config.database,
  );
  try {
    const store = createPrismaStore(database.prisma);
    const jlisCredential = credentialFrom(config.jlis, "verifier", "jlis verifier credential (JPKI_BANK_JLIS_VERIFIER_ID/SECRET)");
    const jlis = createJlisClient(config.jlis.url, jlisCredential);
    const portal: PortalApprovals = createPortalClient(config.portal.url, credentialFrom(config.portal, "bank", "portal client credential (JPKI_BANK_PORTAL_CLIENT_ID/SECRET)"));
    const ocspPolicy = { ...config.ocsp, ...(options.sleep ? { sleep: options.sleep } : {}) };
    const customers = new CustomerBook(store);
    const sessions = new SessionService(store, config.sessionTtlSeconds, clock);
    let baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    const publicUrl = () => baseUrl;
    const journeys = new JourneyService(
      { store, jlis, portal, verifier: new CertificateVerifier(jlis, ocspPolicy), customers, challenges: bankChallengeStore(store.challenges, clock), clock },
      sessions,
      {
        publicUrl,
        verifierId: config.jlis.id ?? "sandbox-bank",
        challengeTtlSeconds: config.challengeTtlSeconds,
        reportError: (error, journeyId) => logger.error({ err: error, journeyId }, "journey stopped by an unexpected error"),
      },
    );
    const revalidation = new RevalidationService(store, jlis, customers, ocspPolicy, clock);
    const csrf = createCsrfGuard({
      app: "bank",
      secretKey: config.sessionKey ?? randomBytes(32),
      invalid: () => new BankError("CSRF_INVALID", "missing or invalid CSRF token: reload the page and try again"),
    });
    const app = createExpressApp({ store, jlis, journeys, sessions, revalidation, csrf, staffPassword: config.staffPassword, portalUrl: config.portal.url, portalPublicUrl: config.portal.publicUrl ?? config.portal.url, jlisPublicUrl: config.jlis.publicUrl ?? config.jlis.url, publicUrl, logger });
    const server = createServer(app);
    logger.info({ database: database.describe(), dataDir: config.dataDir ?? "(memory)", jlis: config.jlis.url, portal: config.portal.url }, "bank ready");
    let schedule: NodeJS.Timeout | undefined;
    let stopping: Promise<void> | undefined;

    return {
      config,
      logger,
      store,
      database,
      jlis,
      journeys,
      revalidation,
      url: publicUrl,
      async start(port = config.port) {
        const bound = await listen(server, port, config.host);
        baseUrl = config.publicUrl ?? baseUrlOf(config.host, bound);
        if (config.revalidationIntervalSeconds > 0) {
          schedule = setInterval(() => {
            revalidation.run("schedule").then(
              (run) => logger.info({ run: run.id, customers: run.results.length }, "re-validation done"),
              (error: unknown) => logger.error({ err: error }, "re-validation failed"),
            );
          }, config.revalidationIntervalSeconds * 1000);
          schedule.unref();
        }
        return { url: baseUrl };
      },
      stop() {
        stopping ??= (async () => {
          clearInterval(schedule);
          await closeServer(server);
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
