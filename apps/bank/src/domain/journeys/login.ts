/**
 * Login after the portal's approval (JPKI.md "The flow" ③'–⑥'): the challenge answer and the R certificate
 * (④'), R's status at J-LIS (⑤'⑥'), then the R serial alone says which customer this is — no personal data on
 * the wire. An R serial the bank does not know (a renewed card) is CUSTOMER_UNKNOWN with a way on: sign once
 * more with S (relink.ts).
 */
import { BankError } from "../errors.js";
import type { ApprovalResult } from "../ports.js";
import type { JourneyRecord } from "../records.js";
import type { JourneyDeps, JourneyOutcome } from "./context.js";
import type { StepLog } from "./steps.js";

export async function completeLogin(deps: JourneyDeps, journey: JourneyRecord, result: ApprovalResult, log: StepLog, outcome: JourneyOutcome): Promise<void> {
  if (result.kind !== "auth" || !journey.challengeId) throw new BankError("APPROVAL_FAILED", "the portal did not return a signed challenge");
  const at = await deps.jlis.now();
  const certificate = await deps.verifier.verifyChallenge(log, {
    challengeId: journey.challengeId,
    signature: result.signature,
    certificatePem: result.userAuthCertificatePem,
    store: deps.challenges,
    at,
    challengeNow: deps.clock(),
  });
  outcome.signerSerial = certificate.serialNumber;
  await deps.verifier.checkStatus(log, certificate, "R", at);

  const customer = await log.run("identify", async (step) => {
    const link = await step.check("the R serial belongs to a customer's S–R link", async () => {
      const found = await deps.store.links.findByUserAuthSerial(certificate.serialNumber);
      if (!found) {
        throw new BankError("CUSTOMER_UNKNOWN", `no account is linked to user-authentication certificate ${certificate.serialNumber}`);
      }
      return found;
    }, (l) => `R ${certificate.serialNumber} → S ${l.signingSerial}`);
    const found = await deps.store.customers.get(link.customerId);
    return step.check("the account is open", () => {
      if (!found || found.status !== "active") throw new BankError("CUSTOMER_SUSPENDED", `the account is ${found?.status ?? "missing"}${found?.statusReason ? `: ${found.statusReason}` : ""}`);
      return found;
    }, (c) => `customer ${c.id}`);
  });
  outcome.customerId = customer.id;
  await log.run("session", async (step) => {
    outcome.startSession = true;
    await deps.customers.event(customer.id, "login", `logged in with user-authentication certificate ${certificate.serialNumber}`, deps.clock());
    step.pass("a session starts", `customer ${customer.id}`);
  });
}

