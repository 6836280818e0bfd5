/**
 * createJlis(config): wires the store, the CAs, the domain services and the HTTP server — the one place
 * that knows how the parts fit (STYLE.md: pebble's cmd/main). Usable embedded: `start(0)` in a test,
 * `stop()` after.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CertificateKind } from "@jpki-sandbox/jpki-core";
import { baseUrlOf, closeServer, generateSecret, hashSecret, listen, verifySecret } from "@jpki-sandbox/service-kit";
import { pino, type Logger } from "pino";
import type { JlisConfig } from "./config/env.js";
import { openDatabase, type Database } from "./db/database.js";
import type { Authorities } from "./domain/authorities.js";
import { createSandboxClock, type SandboxClock } from "./domain/clock.js";
import { SCOPES, VERIFIER_SCOPES } from "./domain/credentials.js";
import { createCrlPublisher, type CrlPublisher } from "./domain/crl-publisher.js";
import { createLocalChangeFeed, type ChangeFeed } from "./domain/change-feed.js";
import { createCounterService, type CounterService } from "./domain/issuance/counter-service.js";
import { createLinkageService } from "./domain/linkage.js";
import { createCachedStatusSource } from "./domain/ocsp/cached-status-source.js";
import { createOcspService, type CertificateStatusSource, type OcspService } from "./domain/ocsp/index.js";
import type { JlisStore } from "./domain/ports.js";
import { createRevocationService, type RevocationService } from "./domain/revocation.js";
import { createSandboxControls, type SandboxControls } from "./domain/sandbox-controls.js";
import { createExpressApp } from "./server/express-app.js";
import { createHttpServer } from "./server/http-server.js";
import { createOcspHttpHandler } from "./server/ocsp-endpoint.js";
import { loadOrCreateAuthorities } from "./store/key-files.js";
import { createPostgresChangeFeed } from "./store/postgres-change-feed.js";
import { createPrismaStore } from "./store/prisma-store.js";

/** CRLs are checked this often and re-issued once half their validity has passed. */
const CRL_REFRESH_INTERVAL_MS = 60_000;

export interface DevCredentials {
  counter: { id: string; secret: string };
  /** The development accredited verifier (apps/bank), with every linkage scope. */
  verifier: { id: string; secret: string };
  admin: { user: "admin"; password: string };
}

export interface Jlis {
  config: JlisConfig;
  logger: Logger;
  store: JlisStore;
  authorities: Authorities;
  clock: SandboxClock;
  controls: SandboxControls;
  counter: CounterService;
  revocation: RevocationService;
  crls: CrlPublisher;
  ocsp: OcspService;
  database: Database;
  /** The development counter's credential (secret undefined when it came from the environment). */
  devCredentials: DevCredentials;
  /** Where the credentials file was written (persistent mode only). */
  devCredentialsFile: string | undefined;
  /** Base URL, known after start(). */
  url(): string;
  start(port?: number): Promise<{ url: string }>;
  stop(): Promise<void>;
}

function statusSource(store: JlisStore): CertificateStatusSource {
  return {
    async statusOf(kind, serialNumber) {
      const certificate = await store.certificates.get(serialNumber);
      if (!certificate || certificate.kind !== kind) return undefined;
      if (certificate.revokedAt && certificate.revocationReason) {
        return { status: "revoked", revokedAt: certificate.revokedAt, reason: certificate.revocationReason };
      }
      // An expired certificate is still "good" here: OCSP reports revocation, validity is the verifier's check
      // (RFC 6960 §2.2; RFC 5280 §6.1.3).
      return { status: "good" };
    },
  };
}

interface DevClientSpec {
  id: string;
  secret: string | undefined;
  kind: "counter" | "verifier";
  name: string;
  scopes: string[];
}

/**
 * One development client (the municipal counter, or the bank as an accredited verifier): its secret comes
 * from the environment, else from <dataDir>/dev-credentials.json when it still matches, else it is new.
 */
async function ensureDevClient(store: JlisStore, spec: DevClientSpec, saved: { id: string; secret: string } | undefined): Promise<{ id: string; secret: string }> {
  const existing = await store.clients.get(spec.id);
  let secret = spec.secret;
  if (secret === undefined && saved?.id === spec.id && existing && (await verifySecret(saved.secret, existing.secretHash))) {
    secret = saved.secret;
  }
  secret ??= generateSecret();
  if (!existing || existing.kind !== spec.kind || !(await verifySecret(secret, existing.secretHash))) {
    await store.clients.upsert({
      id: spec.id,
      kind: spec.kind,
      name: spec.name,
      secretHash: await hashSecret(secret),
      scopes: spec.scopes,
      createdAt: existing?.createdAt ?? new Date(),
      disabledAt: null,
    });
  }
  return { id: spec.id, secret };
}

/**
 * The development counter (the portal) and verifier (the bank), kept in <dataDir>/dev-credentials.json
 * (0600) so the CLI, the portal and the bank can read them.
 */
async function ensureDevClients(store: JlisStore, config: JlisConfig): Promise<{ credentials: DevCredentials; file: string | undefined }> {
  const file = config.dataDir ? path.join(config.dataDir, "dev-credentials.json") : undefined;
  const saved = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DevCredentials>) : {};
  const counter = await ensureDevClient(
    store,
    { ...config.counter, kind: "counter", name: "開発用窓口 / development municipal counter", scopes: [SCOPES.counter] },
    saved.counter,
  );
  const verifier = await ensureDevClient(
    store,
    { ...config.verifier, kind: "verifier", name: "サンドボックス銀行 / Sandbox Bank (development verifier)", scopes: [...VERIFIER_SCOPES] },
    saved.verifier,
  );
  const credentials: DevCredentials = { counter, verifier, admin: { user: "admin", password: config.adminPassword } };
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  }
  return { credentials, file };
}

export async function createJlis(config: JlisConfig, options: { logger?: Logger } = {}): Promise<Jlis> {
  const logger = options.logger ?? pino({ name: "jlis", level: config.logLevel });
  const clock = createSandboxClock();
  const database = await openDatabase(config.database);
  try {
    const store = createPrismaStore(database.prisma);
    const controls = createSandboxControls(store, clock, config.chaos);
    await controls.load();
    const { authorities, created } = await loadOrCreateAuthorities({
      dir: config.dataDir ? path.join(config.dataDir, "keys") : undefined,
      passphrase: config.keyPassphrase,
      now: clock.now(),
    });
    const devClients = await ensureDevClients(store, config);

    let baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    const publicUrl = () => baseUrl;
    const revocation = createRevocationService(store, clock);
    const statuses = createCachedStatusSource(statusSource(store));
    const ocsp = createOcspService({
      authorities,
      statuses,
      clock,
      chaos: () => controls.chaos().ocsp,
      validitySeconds: config.ocspValiditySeconds,
    });
    const crls = createCrlPublisher({ store, clock, authorities, validitySeconds: config.crlValiditySeconds, publicUrl });
    const feed: ChangeFeed =
      config.database.kind === "postgres"
        ? await createPostgresChangeFeed({ url: config.database.url, schema: config.database.schema, logger })
        : createLocalChangeFeed();
    // A status changed: both OCSP caches (statuses, pre-signed answers) must forget the certificate.
    const forgetStatus = ({ kind, serialNumber }: { kind: CertificateKind; serialNumber: string }) => {
      statuses.forget(kind, serialNumber);
      ocsp.invalidate(kind, serialNumber);
    };
    revocation.onRevoked(async (revoked) => {
      revoked.forEach(forgetStatus);
      await crls.republishFor(revoked);
      await feed.publish({ type: "revoked", certificates: revoked.map(({ kind, serialNumber }) => ({ kind, serialNumber })) });
    });
    controls.onChange(() => {
      ocsp.invalidateAll();
      feed.publish({ type: "controls" }).catch((error: unknown) => logger.error({ err: error }, "change feed publish failed"));
    });
    // Changes made through another replica (PostgreSQL only).
    feed.subscribe((event) => {
      if (event.type === "revoked") {
        event.certificates.forEach(forgetStatus);
      } else {
        controls
          .load()
          .then(() => ocsp.invalidateAll())
          .catch((error: unknown) => logger.error({ err: error }, "reloading operator controls failed"));
      }
    });
    const counter = createCounterService({ store, clock, authorities, revocation, publicUrl });
    const linkage = createLinkageService(store, clock);
    const app = createExpressApp({ store, clock, authorities, counter, revocation, crls, linkage, controls, adminPassword: config.adminPassword, publicUrl, logger });
    const server = createHttpServer(app, [createOcspHttpHandler(ocsp, logger)]);
    logger.info({ database: database.describe(), keys: created ? "created" : "loaded", dataDir: config.dataDir ?? "(memory)" }, "jlis ready");

    let refresher: NodeJS.Timeout | undefined;
    let stopping: Promise<void> | undefined;

    return {
      config,
      logger,
      store,
      authorities,
      clock,
      controls,
      counter,
      revocation,
      crls,
      ocsp,
      database,
      devCredentials: devClients.credentials,
      devCredentialsFile: devClients.file,
      url: publicUrl,
      async start(port = config.port) {
        const bound = await listen(server, port, config.host);
        baseUrl = config.publicUrl ?? baseUrlOf(config.host, bound);
        refresher = setInterval(() => {
          crls.refreshAll().catch((error: unknown) => logger.error({ err: error }, "CRL refresh failed"));
        }, CRL_REFRESH_INTERVAL_MS);
        refresher.unref();
        return { url: baseUrl };
      },
      stop() {
        stopping ??= (async () => {
          clearInterval(refresher);
          await feed.close();
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
