/**
 * Re-validation (a scheduled job and a staff button): OCSP of every stored S, and what the bank does about
 * each answer (JPKI.md "Revocation and status", "Linkage services"):
 * - good: nothing (an expired S is noted: the customer can still log in with R, but must renew to sign);
 * - revoked affiliationChanged (moved, new name): follow old S → current S, refresh the link (⑦⑧), and flag
 *   "attributes may have changed" so the customer is offered the consent flow for the latest attributes;
 * - revoked superseded (renewed card): follow old S → current S and refresh the link;
 * - revoked keyCompromise (card lost): suspend the account until the customer links a new card;
 * - revoked cessationOfOperation (death, or cancelled at the holder's request): close the account;
 * - unknown, tryLater, unreachable, an untrustworthy answer: nothing changes, retried at the next run.
 * A link whose R serial is missing (⑦ failed at opening) is completed when linkage answers.
 */
import { randomUUID } from "node:crypto";
import { parseCertificate } from "@jpki-sandbox/jpki-core";
import type { RevalidationResultView, RevalidationRunView } from "../../shared/api-types.js";
import { exchangeOcsp, judgeOcspResponse, type OcspPolicy } from "../checks/ocsp-check.js";
import type { CustomerBook } from "../customers.js";
import { isBankError } from "../errors.js";
import type { BankStore, JlisServices } from "../ports.js";
import type { CustomerRecord, LinkRecord, RevalidationRunRecord } from "../records.js";

export class RevalidationService {
  private running: Promise<RevalidationRunRecord> | undefined;

  constructor(
    private readonly store: BankStore,
    private readonly jlis: JlisServices,
    private readonly customers: CustomerBook,
    private readonly policy: OcspPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Runs once; a run already in progress is joined rather than started twice. */
  run(trigger: RevalidationRunRecord["trigger"]): Promise<RevalidationRunRecord> {
    this.running ??= this.runOnce(trigger).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(trigger: RevalidationRunRecord["trigger"]): Promise<RevalidationRunRecord> {
    const run: RevalidationRunRecord = { id: randomUUID(), trigger, startedAt: this.clock(), finishedAt: null, results: [] };
    await this.store.revalidations.insert(run);
    for (const link of await this.store.links.listActive()) {
      const customer = await this.store.customers.get(link.customerId);
      if (!customer || customer.status === "closed") continue;
      run.results.push(await this.revalidate(customer, link));
      await this.store.customers.update(customer.id, { lastRevalidatedAt: this.clock() });
    }
    run.finishedAt = this.clock();
    await this.store.revalidations.update(run.id, { results: run.results, finishedAt: run.finishedAt });
    return run;
  }

  private async revalidate(customer: CustomerRecord, link: LinkRecord): Promise<RevalidationResultView> {
    const base = { customerId: customer.id, customerName: customer.name, signingSerial: link.signingSerial };
    const certificate = parseCertificate(link.signingCertificatePem);
    let at: Date;
    let verdict;
    try {
      at = await this.jlis.now();
      const issuer = parseCertificate(await this.jlis.caCertificate("S")).certificate;
      const exchange = await exchangeOcsp({ jlis: this.jlis, kind: "S", certificate: certificate.certificate, issuer, policy: this.policy });
      verdict = await judgeOcspResponse(exchange, { issuer, certificate: certificate.certificate, at });
    } catch (error) {
      if (isBankError(error, "CERTIFICATE_REVOKED")) return this.onRevoked(customer, link, String(error.details?.revocationReason ?? "unspecified"), base);
      if (isBankError(error, "OCSP_UNKNOWN")) return { ...base, ocspStatus: "unknown", action: "retryLater", summary: "J-LIS answered unknown; checked again at the next run" };
      const why = isBankError(error) ? `${error.code}: ${error.message}` : String(error);
      return { ...base, ocspStatus: "unavailable", action: "retryLater", summary: `status could not be confirmed (${why}); checked again at the next run` };
    }
    if (link.userAuthSerial === null) {
      const completed = await this.completeLink(customer, link);
      if (completed) return { ...base, ocspStatus: "good", action: "followedToCurrent", summary: completed };
    }
    if (certificate.notAfter.getTime() < at.getTime()) {
      return { ...base, ocspStatus: "expired", action: "none", summary: `the signing certificate expired on ${certificate.notAfter.toISOString()}: the customer can log in with R but must renew to sign` };
    }
    return { ...base, ocspStatus: "good", action: "none", summary: `good (thisUpdate ${verdict.single.thisUpdate.toISOString()})` };
  }

  private async completeLink(customer: CustomerRecord, link: LinkRecord): Promise<string | undefined> {
    try {
      const userAuthSerial = await this.jlis.userAuthSerialOf(link.signingSerial);
      await this.store.links.setUserAuthSerial(link.id, userAuthSerial);
      await this.customers.event(customer.id, "linkRefreshed", `S–R link completed: R ${userAuthSerial}`, this.clock());
      return `good; the missing R serial is now linked (R ${userAuthSerial})`;
    } catch {
      return undefined;
    }
  }

  private async onRevoked(customer: CustomerRecord, link: LinkRecord, reason: string, base: Pick<RevalidationResultView, "customerId" | "customerName" | "signingSerial">): Promise<RevalidationResultView> {
    const revoked = { ...base, ocspStatus: "revoked" as const, revocationReason: reason };
    const now = this.clock();
    if (reason === "keyCompromise") {
      if (customer.status === "suspended") return { ...revoked, action: "none", summary: "still suspended (card reported lost)" };
      await this.store.customers.update(customer.id, { status: "suspended", statusReason: "the card was reported lost or stolen (keyCompromise): link a new card to use the account again" });
      await this.customers.event(customer.id, "suspended", `signing certificate ${link.signingSerial} revoked (keyCompromise): account suspended`, now);
      return { ...revoked, action: "suspended", summary: "card reported lost: account suspended" };
    }
    if (reason === "cessationOfOperation") {
      await this.store.customers.update(customer.id, { status: "closed", statusReason: "the certificate was cancelled (death, loss of residence or the holder's request; cessationOfOperation)" });
      await this.customers.event(customer.id, "closed", `signing certificate ${link.signingSerial} revoked (cessationOfOperation): account closed`, now);
      return { ...revoked, action: "closed", summary: "certificate cancelled: account closed" };
    }
    if (reason !== "affiliationChanged" && reason !== "superseded") {
      return { ...revoked, action: "retryLater", summary: `revoked for ${reason}: left for staff review` };
    }
    try {
      const current = await this.jlis.currentSigningCertificateOf(link.signingSerial);
      if (current.serialNumber === link.signingSerial) {
        return { ...revoked, action: "retryLater", summary: "J-LIS knows no newer signing certificate yet" };
      }
      const userAuthSerial = await this.jlis.userAuthSerialOf(current.serialNumber).catch(() => null);
      await this.customers.link(customer.id, { signingSerial: current.serialNumber, signingCertificatePem: current.pem, userAuthSerial, source: "revalidation" }, now);
      await this.customers.event(customer.id, "linkRefreshed", `S ${link.signingSerial} revoked (${reason}); followed to current S ${current.serialNumber}${userAuthSerial ? `, R ${userAuthSerial}` : ""}`, now);
      if (reason === "affiliationChanged") {
        await this.store.customers.update(customer.id, { attributesMayHaveChanged: true });
        await this.customers.event(customer.id, "attributesFlagged", "name or address may have changed: the customer is asked to consent to fetching the latest four attributes", now);
        return { ...revoked, action: "flaggedAttributes", newSigningSerial: current.serialNumber, summary: `moved or renamed: followed to S ${current.serialNumber}; attributes may have changed` };
      }
      return { ...revoked, action: "followedToCurrent", newSigningSerial: current.serialNumber, summary: `card renewed: followed to S ${current.serialNumber}` };
    } catch (error) {
      const why = isBankError(error) ? error.code : String(error);
      return { ...revoked, action: "retryLater", summary: `revoked (${reason}), but linkage failed (${why}); retried at the next run` };
    }
  }
}

export function runView(run: RevalidationRunRecord): RevalidationRunView {
  return { id: run.id, trigger: run.trigger, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, results: run.results };
}
