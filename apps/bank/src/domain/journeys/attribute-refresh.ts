/**
 * Latest four attributes (JPKI.md "Linkage services" 3): the logged-in customer signs a consent naming the
 * bank with their current S; the bank verifies it (③–⑥), follows its stored S to the current one when they
 * differ (linkage 2, e.g. re-validation has not run since the move), then hands the consent to J-LIS and
 * updates the account with what J-LIS answers.
 */
import { BankError } from "../errors.js";
import type { ApprovalResult } from "../ports.js";
import type { JourneyRecord } from "../records.js";
import { utf8, type JourneyDeps, type JourneyOutcome } from "./context.js";
import type { StepLog } from "./steps.js";

export async function completeAttributeRefresh(deps: JourneyDeps, journey: JourneyRecord, result: ApprovalResult, log: StepLog, outcome: JourneyOutcome): Promise<void> {
  if (result.kind !== "sign" || journey.document === null || !journey.customerId) throw new BankError("APPROVAL_FAILED", "the portal did not return a signed consent");
  const customerId = journey.customerId;
  outcome.customerId = customerId;
  const at = await deps.jlis.now();
  const certificate = await deps.verifier.verifyDocument(log, { signedData: result.signedData, document: utf8(journey.document), at, what: "the consent" });
  outcome.signerSerial = certificate.serialNumber;
  await deps.verifier.checkStatus(log, certificate, "S", at);

  await log.run("attributes", async (step) => {
    const active = await deps.store.links.activeOf(customerId);
    if (!active) throw new BankError("CUSTOMER_UNKNOWN", "the account has no S–R link");
    if (active.signingSerial !== certificate.serialNumber) {
      const current = await step.check(
        `J-LIS: the account's S ${active.signingSerial} → current S`,
        () => deps.jlis.currentSigningCertificateOf(active.signingSerial),
        (c) => `succession ${c.succession.join(" → ")}`,
      );
      if (current.serialNumber !== certificate.serialNumber) {
        throw new BankError("CUSTOMER_UNKNOWN", `the consent is signed with ${certificate.serialNumber}, which is not this account's current signing certificate (${current.serialNumber})`);
      }
      const userAuthSerial = await step.check("J-LIS: current S → current R", () => deps.jlis.userAuthSerialOf(certificate.serialNumber), (r) => `R ${r}`);
      outcome.link = await deps.customers.link(customerId, { signingSerial: certificate.serialNumber, signingCertificatePem: certificate.certificate.toString("pem"), userAuthSerial, source: "attributeRefresh" }, deps.clock());
    }
    const latest = await step.check("J-LIS returns the latest four attributes for the signed consent", () => deps.jlis.latestAttributes(result.signedData));
    step.message("latest four attributes from J-LIS", "application/json", JSON.stringify(latest));
    const now = deps.clock();
    const customer = await deps.store.customers.get(customerId);
    await deps.store.customers.update(customerId, {
      name: latest.name,
      dateOfBirth: latest.dateOfBirth ?? customer?.dateOfBirth ?? "",
      sex: latest.sex as "male" | "female" | "unspecified",
      address: latest.address,
      attributesMayHaveChanged: false,
      attributesUpdatedAt: now,
    });
    const changed = customer ? (["name", "address"] as const).filter((f) => customer[f] !== latest[f]) : [];
    await deps.customers.event(customerId, "attributesUpdated", changed.length ? `four attributes updated from J-LIS (${changed.join(", ")} changed)` : "four attributes confirmed with J-LIS (unchanged)", now);
    step.pass("the account's attributes are updated", changed.length ? `changed: ${changed.join(", ")}` : "unchanged");
  });
}
