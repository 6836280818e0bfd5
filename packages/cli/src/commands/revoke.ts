/**
 * `jpki-sandbox revoke SERIAL --reason R`: the operator revokes a certificate through jlis's admin API.
 * Reasons are the four JPKI uses (JPKI.md "Revocation and status"); revocation is final.
 */
import { normaliseSerialNumber, type RevocationReason } from "@jpki-sandbox/jpki-core";
import { resolveAdminCredential } from "../credentials.js";
import type { CliEnv } from "../env.js";
import { JlisClient, resolveJlisUrl } from "../jlis-client.js";
import { JLIS_PATHS, type CertificateRecord } from "../jlis-api.js";
import { CliInputError, type CliIo } from "../io.js";

export interface RevokeOptions {
  reason: RevocationReason;
  json?: boolean;
  jlis?: string;
  adminPassword?: string;
}

/** A serial as people paste it: hex, optionally `0x`-prefixed or with openssl's colons (`1A:2B:…`). */
export function parseSerialArgument(value: string): string {
  const hex = value.trim().replace(/^0x/i, "").replaceAll(":", "");
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new CliInputError(`not a hexadecimal serial number: ${value}`);
  return normaliseSerialNumber(hex);
}

export async function revoke(serialArgument: string, options: RevokeOptions, io: CliIo, env: CliEnv): Promise<void> {
  const serial = parseSerialArgument(serialArgument);
  const credential = resolveAdminCredential(options, env);
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  const record = await client.postJson<CertificateRecord>(JLIS_PATHS.revoke(serial), { reason: options.reason }, credential);
  if (options.json) {
    io.out(JSON.stringify(record, null, 2));
    return;
  }
  io.out(
    `revoked ${record.kind} certificate ${record.serialNumber}: ${record.revocationReason ?? options.reason}` +
      `${record.revokedAt ? ` at ${record.revokedAt}` : ""} (status ${record.status})`,
  );
}
