/** The customer records the journeys and re-validation share: status history and the S–R link. */
import { randomUUID } from "node:crypto";
import type { BankStore } from "./ports.js";
import type { LinkRecord, LinkSource } from "./records.js";

export class CustomerBook {
  constructor(private readonly store: BankStore) {}

  async event(customerId: string, kind: string, summary: string, at: Date): Promise<void> {
    await this.store.events.insert({ id: randomUUID(), customerId, kind, summary, at });
  }

  /** Makes (S, R) the customer's active link; the previous one stays in the history. */
  async link(customerId: string, link: { signingSerial: string; signingCertificatePem: string; userAuthSerial: string | null; source: LinkSource }, at: Date): Promise<LinkRecord> {
    const record: LinkRecord = { id: randomUUID(), customerId, ...link, active: true, createdAt: at, replacedAt: null };
    await this.store.links.replace(record);
    return record;
  }
}
