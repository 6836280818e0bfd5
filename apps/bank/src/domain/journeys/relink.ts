/**
 * A renewed (or replaced) card at login: the R serial is new to the bank, so the customer signs once more
 * with S. The bank verifies it like an application (③–⑥), then follows old S → current S (linkage 2) from
 * the S serials it keeps until one leads to this certificate, asks ⑦⑧ for the current R, checks that it is
 * the R the customer just logged in with, refreshes the link and starts the session.
 *
 * Candidates are the active links of customers whose date of birth and sex (which never change) equal the
 * certificate's: a documented sandbox choice that keeps linkage calls few without a reverse lookup at J-LIS.
 */
import { BankError, isBankError } from "../errors.js";
import type { ApprovalResult } from "../ports.js";
import type { CustomerRecord, JourneyRecord, LinkRecord } from "../records.js";
import { mismatchedFields } from "../checks/attribute-match.js";
import { askUserAuthSerial } from "./linkage-step.js";
import { utf8, type JourneyDeps, type JourneyOutcome } from "./context.js";
import type { StepLog } from "./steps.js";

export async function completeRelink(deps: JourneyDeps, journey: JourneyRecord, result: ApprovalResult, log: StepLog, outcome: JourneyOutcome): Promise<void> {
  if (result.kind !== "sign" || journey.document === null) throw new BankError("APPROVAL_FAILED", "the portal did not return a signed request");
  const parent = journey.parentJourneyId ? await deps.store.journeys.get(journey.parentJourneyId) : undefined;
  const loginSerial = parent?.signerSerial;
  if (!loginSerial) throw new BankError("JOURNEY_NOT_FOUND", "the login this relink continues is gone");
  const at = await deps.jlis.now();
  const certificate = await deps.verifier.verifyDocument(log, { signedData: result.signedData, document: utf8(journey.document), at, what: "the relink request" });
  outcome.signerSerial = certificate.serialNumber;
  await deps.verifier.checkStatus(log, certificate, "S", at);

  const { customer, previous } = await log.run("followSigning", async (step) => {
    const direct = await deps.store.links.findBySigningSerial(certificate.serialNumber);
    if (direct?.active) {
      step.pass("this signing certificate is already linked", `S ${certificate.serialNumber}`);
      return { customer: (await deps.store.customers.get(direct.customerId))!, previous: direct };
    }
    const attributes = certificate.attributes;
    const candidates: Array<{ customer: CustomerRecord; link: LinkRecord }> = [];
    for (const link of await deps.store.links.listActive()) {
      const customer = await deps.store.customers.get(link.customerId);
      if (customer && customer.status !== "closed" && customer.dateOfBirth === attributes?.dateOfBirth && customer.sex === attributes.sex) candidates.push({ customer, link });
    }
    for (const candidate of candidates) {
      const current = await step.check(
        `J-LIS: old S ${candidate.link.signingSerial} → current S`,
        () => deps.jlis.currentSigningCertificateOf(candidate.link.signingSerial).catch((error: unknown) => {
          if (isBankError(error, "LINKAGE_REFUSED")) return undefined;
          throw error;
        }),
        (c) => (c ? `succession ${c.succession.join(" → ")}` : "not known to J-LIS"),
      );
      if (current?.serialNumber === certificate.serialNumber) return { customer: candidate.customer, previous: candidate.link };
    }
    throw new BankError("CUSTOMER_UNKNOWN", `none of the bank's signing certificates leads to ${certificate.serialNumber}: open an account instead`);
  });
  outcome.customerId = customer.id;

  const userAuthSerial = await askUserAuthSerial(log, deps.jlis, certificate.serialNumber);
  await log.run("linkageResponse", async (step) => {
    await step.check("it is the card the customer just logged in with", () => {
      if (userAuthSerial !== loginSerial) throw new BankError("CUSTOMER_UNKNOWN", `J-LIS links this signing certificate to R ${userAuthSerial}, not to the card used to log in (R ${loginSerial})`);
    }, () => `R ${loginSerial}`);
    const now = deps.clock();
    outcome.link = await deps.customers.link(customer.id, { signingSerial: certificate.serialNumber, signingCertificatePem: certificate.certificate.toString("pem"), userAuthSerial, source: "relink" }, now);
    await deps.customers.event(customer.id, "relinked", `link refreshed: S ${previous.signingSerial} → ${certificate.serialNumber}, R ${previous.userAuthSerial ?? "none"} → ${userAuthSerial}`, now);
    if (certificate.attributes && mismatchedFields(customer, certificate.attributes).length > 0) {
      await deps.store.customers.update(customer.id, { attributesMayHaveChanged: true });
      await deps.customers.event(customer.id, "attributesFlagged", "the new signing certificate's attributes differ from the account's: they may have changed", now);
    }
    step.pass("the S–R link is refreshed", `S ${certificate.serialNumber} – R ${userAuthSerial}`);
  });
  await log.run("session", async (step) => {
    if (customer.status !== "active") throw new BankError("CUSTOMER_SUSPENDED", `the account is ${customer.status}${customer.statusReason ? `: ${customer.statusReason}` : ""}`);
    outcome.startSession = true;
    await deps.customers.event(customer.id, "login", `logged in after relinking (R ${userAuthSerial})`, deps.clock());
    step.pass("a session starts", `customer ${customer.id}`);
  });
}
