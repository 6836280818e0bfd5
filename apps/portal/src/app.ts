/**
 * createPortal(config): wires the store, the card vault, jlis, the domain services and the HTTP server — the
 * one place that knows how the parts fit. Usable embedded: `start(0)` in a test, `stop()` after.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { baseUrlOf, closeServer, createCsrfGuard, listen, openDatabase, type Database } from "@jpki-sandbox/service-kit";
import { pino, type Logger } from "pino";
import type { PortalConfig } from "./config/env.js";
import { ApprovalService } from "./domain/approvals/approval-service.js";
import { PortalChaosSettings } from "./domain/chaos/signing-result-chaos.js";
import { BankClients } from "./domain/bank-clients.js";
import { ApduSessions } from "./domain/cards/apdu-sessions.js";
import { CardVault } from "./domain/cards/card-vault.js";
import { CounterService } from "./domain/counter/counter-service.js";
import { PortalError } from "./domain/errors.js";
import type { JlisCounter, PortalStore } from "./domain/ports.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { createJlisCounterClient, type JlisCounterCredential } from "./jlis/jlis-counter-client.js";
import { createExpressApp } from "./server/express-app.js";
import { loadOrCreateCardKey } from "./store/card-key-file.js";
import { createPrismaStore } from "./store/prisma-store.js";

/** prisma/migrations beside src/ and dist/. */
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");
/** Any constant; one per app, so apps sharing a PostgreSQL do not wait on each other's migrations. */
const MIGRATION_LOCK_KEY = 72_010_4030;

export interface PortalDevCredentials {
  bank: { id: string; secret: string; returnOrigins: string[] };
  admin: { user: "admin"; password: string };
}

export interface Portal {
  config: PortalConfig;
  logger: Logger;
  store: PortalStore;
  database: Database<PrismaClient>;
  jlis: JlisCounter;
  counter: CounterService;
  approvals: ApprovalService;
  bankClients: BankClients;
  devCredentials: PortalDevCredentials;
  devCredentialsFile: string | undefined;
  url(): string;
  start(port?: number): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/** The portal's counter credential at jlis: configured, else jlis's dev-credentials.json (read when needed). */
function jlisCredential(config: PortalConfig): () => JlisCounterCredential {
  const { counterId, counterSecret, credentialsFile } = config.jlis;
  if (counterId && counterSecret) return () => ({ user: counterId, password: counterSecret });
  return () => {
    if (!existsSync(credentialsFile)) {
      throw new PortalError("JLIS_UNAVAILABLE", `no jlis counter credential: set JPKI_PORTAL_JLIS_COUNTER_ID/SECRET or start jlis so that it writes ${credentialsFile}`);
    }
    const saved = JSON.parse(readFileSync(credentialsFile, "utf8")) as { counter?: { id: string; secret: string } };
    if (!saved.counter) throw new PortalError("JLIS_UNAVAILABLE", `${credentialsFile} has no counter credential`);
    return { user: saved.counter.id, password: saved.counter.secret };
  };
}

/** The development bank client (apps/bank): secret from config, else kept in dev-credentials.json, else new. */
async function ensureDevBank(bankClients: BankClients, config: PortalConfig): Promise<{ credentials: PortalDevCredentials; file: string | undefined }> {
  const file = config.dataDir ? path.join(config.dataDir, "dev-credentials.json") : undefined;
  let secret = config.devBank.secret;
  if (secret === undefined && file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Partial<PortalDevCredentials>;
    if (saved.bank?.id === config.devBank.id) secret = saved.bank.secret;
  }
  const { secret: registered } = await bankClients.register({
    id: config.devBank.id,
    name: "サンドボックス銀行 / Sandbox Bank (development)",
    returnOrigins: config.devBank.returnOrigins,
    secret,
  });
  const credentials: PortalDevCredentials = {
    bank: { id: config.devBank.id, secret: registered, returnOrigins: config.devBank.returnOrigins },
    admin: { user: "admin", password: config.adminPassword },
  };
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  }
  return { credentials, file };
}

export async function createPortal(config: PortalConfig, options: { logger?: Logger; jlis?: JlisCounter; approvalClock?: () => Date } = {}): Promise<Portal> {
  const logger = options.logger ?? pino({ name: "portal", level: config.logLevel });
  const database = await openDatabase(
    { migrationsDir: MIGRATIONS_DIR, migrationLockKey: MIGRATION_LOCK_KEY, createClient: (adapter) => new PrismaClient({ adapter }) },
    config.database,
  );
  try {
    const store = createPrismaStore(database.prisma);
    const cardKey = loadOrCreateCardKey(config.cardKey, config.dataDir);
    const jlis = options.jlis ?? createJlisCounterClient(config.jlis.url, jlisCredential(config));
    const vault = new CardVault(store, cardKey, () => jlis.lastKnownNow());
    const counter = new CounterService(store, vault, jlis);
    const chaos = new PortalChaosSettings(config.chaos);
    const approvals = new ApprovalService(
      store,
      vault,
      jlis,
      {
        requestTtlSeconds: config.requestTtlSeconds,
        codeTtlSeconds: config.codeTtlSeconds,
        ...(options.approvalClock ? { now: options.approvalClock } : {}),
      },
      chaos,
    );
    const bankClients = new BankClients(store);
    const devBank = await ensureDevBank(bankClients, config);

    let baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    const publicUrl = () => baseUrl;
    const app = createExpressApp({
      store,
      vault,
      jlis,
      jlisUrl: config.jlis.publicUrl ?? config.jlis.url,
      counter,
      approvals,
      bankClients,
      apduSessions: new ApduSessions(vault, store),
      csrf: createCsrfGuard({ app: "portal", secretKey: cardKey, invalid: () => new PortalError("CSRF_INVALID", "missing or invalid CSRF token: reload the page and try again") }),
      adminPassword: config.adminPassword,
      chaos,
      publicUrl,
      logger,
    });
    const server = createServer(app);
    logger.info({ database: database.describe(), dataDir: config.dataDir ?? "(memory)", jlis: config.jlis.url }, "portal ready");
    let stopping: Promise<void> | undefined;

    return {
      config,
      logger,
      store,
      database,
      jlis,
      counter,
      approvals,
      bankClients,
      devCredentials: devBank.credentials,
      devCredentialsFile: devBank.file,
      url: publicUrl,
      async start(port = config.port) {
        const bound = await listen(server, port, config.host);
        baseUrl = config.publicUrl ?? baseUrlOf(config.host, bound);
        return { url: baseUrl };
      },
      stop() {
        stopping ??= (async () => {
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
