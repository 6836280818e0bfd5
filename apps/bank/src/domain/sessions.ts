/**
 * Logged-in sessions (after ①'–⑥' or a relink): a random 256-bit token in an httpOnly cookie, stored only as
 * its SHA-256, expiring after `ttlSeconds` of real time.
 */
import { createHash, randomBytes } from "node:crypto";
import type { BankStore } from "./ports.js";
import type { CustomerRecord } from "./records.js";

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export class SessionService {
  constructor(
    private readonly store: BankStore,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async start(customerId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString("base64url");
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    await this.store.sessions.insert({ tokenHash: tokenHash(token), customerId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The logged-in customer, when the token is known, unexpired and the account is not closed. */
  async customerOf(token: string | undefined): Promise<CustomerRecord | undefined> {
    if (!token) return undefined;
    const session = await this.store.sessions.get(tokenHash(token));
    if (!session || session.expiresAt.getTime() <= this.clock().getTime()) return undefined;
    const customer = await this.store.customers.get(session.customerId);
    return customer && customer.status !== "closed" ? customer : undefined;
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.store.sessions.delete(tokenHash(token));
  }
}
