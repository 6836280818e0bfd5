/**
 * Account opening after the portal's approval (JPKI.md "The flow" ③–⑧): verify the signed application and
 * the S certificate (④), its status at J-LIS (⑤⑥), match the application against the four attributes,
 * register the customer and the application, then ask J-LIS's linkage service for the R serial (⑦⑧) and keep
 * the S–R link. When ⑦ fails the account stays registered with an incomplete link, which re-validation
 * completes later.
 */
import { randomUUID } from "node:crypto";
import { bytesToBase64 } from "@jpki-sandbox/jpki-core";
import { assertAttributesMatch, mismatchedFields, normaliseText, type AttributeField } from "../checks/attribute-match.js";
import { BankError } from "../errors.js";
import type { ApprovalResult } from "../ports.js";
import type { JourneyRecord } from "../records.js";
import { askUserAuthSerial } from "./linkage-step.js";
import { utf8, type JourneyDeps, type JourneyOutcome } from "./context.js";
import type { StepLog } from "./steps.js";

const FIELD_TITLES: Record<AttributeField, string> = { name: "氏名 / name", dateOfBirth: "生年月日 / date of birth", sex: "性別 / sex", address: "住所 / address" };

export async function completeOpening(deps: JourneyDeps, journey: JourneyRecord, result: ApprovalResult, log: StepLog, outcome: JourneyOutcome): Promise<void> {
  if (result.kind !== "sign" || !journey.input || journey.document === null) throw new BankError("APPROVAL_FAILED", "the portal did not return a signed application");
  const form = journey.input;
  const at = await deps.jlis.now();
  const certificate = await deps.verifier.verifyDocument(log, { signedData: result.signedData, document: utf8(journey.document), at, what: "the application" });
  outcome.signerSerial = certificate.serialNumber;
  await deps.verifier.checkStatus(log, certificate, "S", at);

  const attributes = await log.run("match", (step) => {
    const certified = certificate.attributes;
    if (!certified) throw new BankError("ATTRIBUTES_MISMATCH", `the certificate carries no readable four attributes: ${certificate.attributesError ?? "none"}`);
    const differing = mismatchedFields(form, certified);
    for (const field of ["name", "dateOfBirth", "sex", "address"] as const) {
      const detail = `application「${form[field]}」 certificate「${certified[field] ?? "unknown"}」`;
      if (differing.includes(field)) step.fail(`${FIELD_TITLES[field]} matches`, detail);
      else step.pass(`${FIELD_TITLES[field]} matches`, detail);
    }
    assertAttributesMatch(form, certified);
    return certified;
  });

  const customerId = await log.run("register", async (step) => {
    await step.check("this signing certificate is not linked to an account yet", async () => {
      const existing = await deps.store.links.findBySigningSerial(certificate.serialNumber);
      if (existing) throw new BankError("ALREADY_CUSTOMER", `signing certificate ${certificate.serialNumber} already belongs to an account`);
    });
    await step.check("no open account has the same four attributes", async () => {
      const same = (await deps.store.customers.list()).find(
        (c) => c.status !== "closed" && c.dateOfBirth === attributes.dateOfBirth && c.sex === attributes.sex && normaliseText(c.name) === normaliseText(attributes.name) && normaliseText(c.address) === normaliseText(attributes.address),
      );
      if (same) throw new BankError("ALREADY_CUSTOMER", "an account with these four attributes is already open");
    });
    const now = deps.clock();
    const id = randomUUID();
    await deps.store.customers.insert({
      id,
      name: attributes.name,
      dateOfBirth: form.dateOfBirth, // equal to the certificate's: the match passed
      sex: attributes.sex,
      address: attributes.address,
      status: "active",
      statusReason: null,
      attributesMayHaveChanged: false,
      attributesUpdatedAt: now,
      lastRevalidatedAt: null,
      createdAt: now,
    });
    await deps.store.applications.insert({ id: randomUUID(), customerId: id, journeyId: journey.id, form, document: journey.document!, cms: bytesToBase64(result.signedData), signingSerial: certificate.serialNumber, createdAt: now });
    await deps.customers.event(id, "opened", `account opened with signing certificate ${certificate.serialNumber}`, now);
    step.pass("customer and signed application registered", `customer ${id}`);
    return id;
  });
  outcome.customerId = customerId;

  const link = { signingSerial: certificate.serialNumber, signingCertificatePem: certificate.certificate.toString("pem"), source: "opening" as const };
  let userAuthSerial: string;
  try {
    userAuthSerial = await askUserAuthSerial(log, deps.jlis, certificate.serialNumber);
  } catch (error) {
    outcome.link = await deps.customers.link(customerId, { ...link, userAuthSerial: null }, deps.clock());
    throw error;
  }
  await log.run("linkageResponse", async (step) => {
    outcome.link = await deps.customers.link(customerId, { ...link, userAuthSerial }, deps.clock());
    step.message("S–R link kept by the bank", "application/json", JSON.stringify({ signingSerial: certificate.serialNumber, userAuthSerial }));
    step.pass("the S–R link is stored", `S ${certificate.serialNumber} – R ${userAuthSerial}`);
  });
}
