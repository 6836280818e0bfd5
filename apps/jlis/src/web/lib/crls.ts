/** Ordering of the CRL table: complete CRLs first, then municipalities by name, S before R. */
import type { Crl } from "../api";

export function sortCrls(crls: readonly Crl[]): Crl[] {
  const rank = (c: Crl) => (c.scope === "full" ? 0 : 1);
  const kindRank = (c: Crl) => (c.kind === "S" ? 0 : 1);
  return [...crls].sort((a, b) => rank(a) - rank(b) || a.scope.localeCompare(b.scope) || kindRank(a) - kindRank(b));
}

/** Whether a CRL's nextUpdate has passed on the sandbox clock (a relying party would treat it as stale). */
export function isOverdue(crl: Pick<Crl, "nextUpdate">, sandboxNow: Date | null): boolean {
  if (sandboxNow === null) return false;
  const next = new Date(crl.nextUpdate).getTime();
  return Number.isFinite(next) && next < sandboxNow.getTime();
}
