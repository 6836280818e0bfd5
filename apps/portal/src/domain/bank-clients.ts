/**
 * Relying parties registered at the portal (banks). Only they may create signing requests and redeem codes;
 * each has a secret (stored as a scrypt hash) and the origins it may send browsers back to.
 */
import { generateSecret, hashSecret, verifySecret } from "@jpki-sandbox/service-kit";
import { PortalError } from "./errors.js";
import type { PortalStore } from "./ports.js";
import type { BankClientRecord } from "./records.js";

export interface BankClientRegistration {
  id: string;
  name: string;
  returnOrigins: string[];
  /** Default: a new random secret. */
  secret?: string | undefined;
}

export class BankClients {
  constructor(private readonly store: PortalStore) {}

  /** Registers (or re-registers) a client; returns the secret, which is shown once and never stored. */
  async register(registration: BankClientRegistration): Promise<{ client: BankClientRecord; secret: string }> {
    const secret = registration.secret ?? generateSecret();
    const origins = registration.returnOrigins.map((origin) => new URL(origin).origin);
    const client = await this.store.bankClients.upsert({
      id: registration.id,
      name: registration.name,
      secretHash: await hashSecret(secret),
      returnOrigins: [...new Set(origins)],
    });
    return { client, secret };
  }

  /** The client with this id and secret, or UNAUTHENTICATED (the same answer for an unknown id). */
  async authenticate(id: string, secret: string): Promise<BankClientRecord> {
    const client = await this.store.bankClients.get(id);
    const valid = client !== undefined && client.disabledAt === null && (await verifySecret(secret, client.secretHash));
    if (!valid) throw new PortalError("UNAUTHENTICATED", "unknown bank client or wrong secret");
    return client;
  }

  list(): Promise<BankClientRecord[]> {
    return this.store.bankClients.list();
  }
}
