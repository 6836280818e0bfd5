/**
 * CRL publication (RFC 5280 §5; JPKI.md "Revocation and status"): one complete CRL per CA and one per
 * municipality, the latter with a critical issuingDistributionPoint naming the same directoryName as the
 * certificates' cRLDistributionPoints (§5.2.5, §6.3.3). CRL numbers grow per (CA, scope). A CRL is
 * re-issued on every revocation, and on demand once half its validity has passed (the scheduler in
 * src/app.ts asks regularly, so a CRL never goes stale while jlis runs).
 */
import { buildCrl, type CertificateKind } from "@jpki-sandbox/jpki-core";
import type { Authorities } from "./authorities.js";
import type { Clock } from "./clock.js";
import { JlisError } from "./errors.js";
import type { JlisStore } from "./ports.js";
import type { CertificateRecord, CrlRecord, CrlScope } from "./records.js";

export interface Municipality {
  prefectureRomaji: string;
  cityRomaji: string;
}

export function crlScopeOf(municipality?: Municipality): CrlScope {
  return municipality ? `${municipality.prefectureRomaji}/${municipality.cityRomaji}` : "full";
}

export function crlPathOf(kind: CertificateKind, scope: CrlScope): string {
  return scope === "full" ? `/crl/${kind.toLowerCase()}.crl` : `/crl/${kind.toLowerCase()}/${scope}.crl`;
}

export interface CrlPublisherOptions {
  store: JlisStore;
  clock: Clock;
  authorities: Authorities;
  validitySeconds: number;
  publicUrl: () => string;
}

export function createCrlPublisher(options: CrlPublisherOptions) {
  const { store, clock, authorities, validitySeconds } = options;
  // One publication at a time per scope in this process; the (kind, scope, crlNumber) key guards replicas.
  const queues = new Map<string, Promise<unknown>>();

  function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
    queues.set(key, run.catch(() => undefined));
    return run;
  }

  async function publishNow(kind: CertificateKind, municipality?: Municipality): Promise<CrlRecord> {
    const scope = crlScopeOf(municipality);
    const latest = await store.crls.latest(kind, scope);
    const thisUpdate = new Date(Math.floor(clock.now().getTime() / 1000) * 1000);
    const nextUpdate = new Date(thisUpdate.getTime() + validitySeconds * 1000);
    const entries = await store.certificates.revokedEntries(kind, municipality);
    const crlNumber = (latest?.crlNumber ?? 0n) + 1n;
    const built = await buildCrl({
      ca: authorities[kind].ca,
      crlNumber,
      thisUpdate,
      nextUpdate,
      entries,
      ...(municipality
        ? { municipality, distributionPointUrl: `${options.publicUrl()}${crlPathOf(kind, scope)}` }
        : {}),
    });
    const record: CrlRecord = { kind, scope, crlNumber, thisUpdate, nextUpdate, entries: entries.length, der: built.der };
    await store.crls.insert(record);
    return record;
  }

  function isFresh(crl: CrlRecord): boolean {
    const now = clock.now().getTime();
    const halfLife = (crl.nextUpdate.getTime() - crl.thisUpdate.getTime()) / 2;
    // Re-issue once half the validity has gone, or when the sandbox clock was moved before thisUpdate.
    return now >= crl.thisUpdate.getTime() && now < crl.thisUpdate.getTime() + halfLife;
  }

  async function knownMunicipality(kind: CertificateKind, municipality: Municipality): Promise<boolean> {
    return (await store.certificates.municipalities(kind)).some(
      (m) => m.prefectureRomaji === municipality.prefectureRomaji && m.cityRomaji === municipality.cityRomaji,
    );
  }

  const publisher = {
    /** The current CRL of a scope, issuing a new one when none is fresh. */
    async current(kind: CertificateKind, municipality?: Municipality): Promise<CrlRecord> {
      const scope = crlScopeOf(municipality);
      if (municipality && !(await knownMunicipality(kind, municipality))) {
        throw new JlisError("NOT_FOUND", `no ${kind} certificates were issued for ${scope}, so it has no CRL`);
      }
      return serialised(`${kind}:${scope}`, async () => {
        const latest = await store.crls.latest(kind, scope);
        return latest && isFresh(latest) ? latest : publishNow(kind, municipality);
      });
    },
    /** Re-issues the CRLs a revocation changes: the CA's complete CRL and the certificate's municipality's. */
    async republishFor(revoked: readonly CertificateRecord[]): Promise<void> {
      const scopes = new Map<string, { kind: CertificateKind; municipality?: Municipality }>();
      for (const c of revoked) {
        scopes.set(`${c.kind}:full`, { kind: c.kind });
        const municipality = { prefectureRomaji: c.prefectureRomaji, cityRomaji: c.cityRomaji };
        scopes.set(`${c.kind}:${crlScopeOf(municipality)}`, { kind: c.kind, municipality });
      }
      for (const [key, { kind, municipality }] of scopes) await serialised(key, () => publishNow(kind, municipality));
    },
    /** Keeps every scope fresh (the schedule). */
    async refreshAll(): Promise<void> {
      for (const kind of ["S", "R"] as const) {
        await publisher.current(kind);
        for (const municipality of await store.certificates.municipalities(kind)) await publisher.current(kind, municipality);
      }
    },
  };
  return publisher;
}

export type CrlPublisher = ReturnType<typeof createCrlPublisher>;
