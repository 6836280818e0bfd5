/**
 * Remembers the status of certificates this CA issued, so a request the pre-signed cache cannot answer (a
 * nonce request, a first request) costs no database round trip. Only issued certificates are remembered:
 * "never issued here" is asked again each time, because a certificate may be issued the next moment. A
 * revocation must be `forget`-ed (jlis does it for its own and, through the change feed, for other replicas').
 */
import { normaliseSerialNumber, type CertificateKind } from "@jpki-sandbox/jpki-core";
import { LruMap } from "./lru-map.js";
import type { CertificateStatus, CertificateStatusSource } from "./status-source.js";

export interface CachedStatusSource extends CertificateStatusSource {
  forget(kind: CertificateKind, serialNumber: string): void;
  clear(): void;
}

export const DEFAULT_STATUS_CACHE_SIZE = 100_000;

export function createCachedStatusSource(source: CertificateStatusSource, capacity = DEFAULT_STATUS_CACHE_SIZE): CachedStatusSource {
  const known = new LruMap<string, CertificateStatus>(capacity);
  // Bumped by every forget/clear: a lookup that started before must not store what it read.
  let generation = 0;
  return {
    async statusOf(kind, serialNumber) {
      const key = `${kind}:${serialNumber}`;
      const cached = known.get(key);
      if (cached) return cached;
      const started = generation;
      const status = await source.statusOf(kind, serialNumber);
      if (status && started === generation) known.set(key, status);
      return status;
    },
    forget(kind, serialNumber) {
      generation++;
      known.delete(`${kind}:${normaliseSerialNumber(serialNumber)}`);
    },
    clear() {
      generation++;
      known.clear();
    },
  };
}
