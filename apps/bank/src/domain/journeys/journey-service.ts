/**
 * Journeys through the portal's signing approval: start one (① / ①'), send the browser to the portal (②),
 * and finish it when the browser comes back with a one-time code (③ onwards). A journey belongs to the
 * browser that started it: the callback must come back to the same browser (its session cookie), so a code
 * cannot be replayed into someone else's session. The callback is idempotent: once finished, coming back
 * again just shows the result.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { bytesToBase64, createChallenge } from "@jpki-sandbox/jpki-core";
import type { ApplicationInput, JourneyKind, JourneyStarted } from "../../shared/api-types.js";
import { BankError, isBankError } from "../errors.js";
import type { ApprovalRequest, ApprovalResult } from "../ports.js";
import type { CustomerRecord, JourneyRecord } from "../records.js";
import { rejectionOf } from "../rejections.js";
import type { SessionService } from "../sessions.js";
import { completeAttributeRefresh } from "./attribute-refresh.js";
import { utf8, type JourneyDeps, type JourneyOutcome } from "./context.js";
import { applicationDocument, consentDocument, JSON_CONTENT_TYPE, relinkDocument, TEXT_CONTENT_TYPE } from "./documents.js";
import { completeLogin } from "./login.js";
import { completeOpening } from "./opening.js";
import { completeRelink } from "./relink.js";
import { ATTRIBUTE_REFRESH_STEPS, LOGIN_STEPS, OPENING_STEPS, RELINK_STEPS, StepLog, type StepDefinition } from "./steps.js";

const PLANS: Record<JourneyKind, StepDefinition[]> = { opening: OPENING_STEPS, login: LOGIN_STEPS, relink: RELINK_STEPS, attributeRefresh: ATTRIBUTE_REFRESH_STEPS };
const COMPLETIONS = { opening: completeOpening, login: completeLogin, relink: completeRelink, attributeRefresh: completeAttributeRefresh } as const;

export interface JourneyServiceOptions {
  /** The bank's base URL as browsers reach it (the portal sends them back to <publicUrl>/callback). */
  publicUrl: () => string;
  /** The bank's verifier id at J-LIS (named in the linkage 3 consent). */
  verifierId: string;
  challengeTtlSeconds: number;
  /** Told about errors that are not BankErrors (bugs, a store failure), with the journey they stopped. */
  reportError?: (error: unknown, journeyId: string) => void;
}

export interface CallbackInput {
  state: string;
  code?: string | undefined;
  error?: string | undefined;
}

export interface CallbackOutcome {
  journey: JourneyRecord;
  /** A login or relink that passed: the HTTP layer sets the session cookie. */
  session?: { token: string; expiresAt: Date };
}

export class JourneyService {
  constructor(
    private readonly deps: JourneyDeps,
    private readonly sessions: SessionService,
    private readonly options: JourneyServiceOptions,
  ) {}

  /** ①②: the application form, the document to sign, the request at the portal. */
  async startOpening(browser: string, form: ApplicationInput): Promise<JourneyStarted> {
    const at = await this.deps.jlis.now();
    return this.begin("opening", browser, (id, log) => {
      const document = applicationDocument(id, form, at);
      log.passed("form", [
        { name: "the four attributes are filled in", outcome: "passed", detail: `${form.name} / ${form.dateOfBirth} / ${form.sex} / ${form.address}` },
        { name: "the application document is prepared for signing", outcome: "passed", detail: `${utf8(document).length} bytes, UTF-8` },
      ]);
      log.steps[0]!.message = { label: "application to sign", contentType: TEXT_CONTENT_TYPE, body: document };
      return {
        request: { kind: "sign", document: utf8(document), documentContentType: TEXT_CONTENT_TYPE, displayText: "サンドボックス銀行 口座開設申込書への署名 / Sign the Sandbox Bank account application" },
        fields: { input: form, document },
      };
    });
  }

  /** ①': a fresh challenge, answered at the portal with the R key. */
  async startLogin(browser: string): Promise<JourneyStarted> {
    const challenge = createChallenge({ ttlSeconds: this.options.challengeTtlSeconds, now: this.deps.clock() });
    await this.deps.challenges.save(challenge);
    return this.begin("login", browser, (_id, log) => {
      log.passed("challenge", [
        { name: "a random 32-byte challenge, single use", outcome: "passed", detail: `id ${challenge.id}, expires ${challenge.expiresAt.toISOString()}` },
      ]);
      log.steps[0]!.message = { label: "challenge (nonce)", contentType: "application/octet-stream", body: bytesToBase64(challenge.nonce) };
      return {
        request: { kind: "auth", challenge: challenge.nonce, displayText: "サンドボックス銀行へのログイン / Log in to Sandbox Bank" },
        fields: { challengeId: challenge.id },
      };
    });
  }

  /** A login refused as CUSTOMER_UNKNOWN: sign once more with S so the bank can follow the renewed card. */
  async startRelink(browser: string, loginJourneyId: string): Promise<JourneyStarted> {
    const login = await this.ownJourney(browser, loginJourneyId);
    if (login.kind !== "login" || login.rejection?.code !== "CUSTOMER_UNKNOWN" || !login.signerSerial) {
      throw new BankError("JOURNEY_NOT_PENDING", "only a login refused because the card is not linked can be relinked");
    }
    const at = await this.deps.jlis.now();
    return this.begin("relink", browser, (id) => {
      const document = relinkDocument(id, at);
      return {
        request: { kind: "sign", document: utf8(document), documentContentType: TEXT_CONTENT_TYPE, displayText: "サンドボックス銀行 新しいカードの登録 / Link your new card to Sandbox Bank" },
        fields: { document, parentJourneyId: login.id },
      };
    });
  }

  /** Linkage 3 with consent: the logged-in customer signs a consent naming the bank. */
  async startAttributeRefresh(browser: string, customer: CustomerRecord): Promise<JourneyStarted> {
    const at = await this.deps.jlis.now();
    return this.begin("attributeRefresh", browser, (_id, log) => {
      const document = consentDocument(this.options.verifierId, at);
      log.passed("consent", [{ name: "a consent naming this bank as the verifier, valid 24 hours", outcome: "passed", detail: `verifier ${this.options.verifierId}` }]);
      log.steps[0]!.message = { label: "consent to sign (jpki-sandbox/linkage-consent)", contentType: JSON_CONTENT_TYPE, body: document };
      return {
        request: { kind: "sign", document: utf8(document), documentContentType: JSON_CONTENT_TYPE, displayText: "サンドボックス銀行による最新の基本4情報の取得への同意 / Consent: Sandbox Bank fetches your latest four attributes" },
        fields: { document, customerId: customer.id },
      };
    });
  }

  private async begin(
    kind: JourneyKind,
    browser: string,
    prepare: (id: string, log: StepLog) => { request: DistributiveOmit<ApprovalRequest, "returnUrl" | "state">; fields: Partial<JourneyRecord> },
  ): Promise<JourneyStarted> {
    const id = randomUUID();
    const state = randomBytes(32).toString("base64url");
    const log = new StepLog(PLANS[kind], this.deps.clock);
    const { request, fields } = prepare(id, log);
    const created = await this.deps.portal.create({ ...request, returnUrl: `${this.options.publicUrl()}/callback`, state } as ApprovalRequest);
    await this.deps.store.journeys.insert({
      id,
      kind,
      browserHash: browser,
      status: "awaitingApproval",
      state,
      portalRequestId: created.id,
      approvalUrl: created.approvalUrl,
      input: null,
      document: null,
      challengeId: null,
      signerSerial: null,
      steps: log.steps,
      rejection: null,
      customerId: null,
      parentJourneyId: null,
      createdAt: this.deps.clock(),
      completedAt: null,
      ...fields,
    });
    return { journeyId: id, approvalUrl: created.approvalUrl };
  }

  /** The newest journeys this browser started, newest first. */
  journeysOfBrowser(browser: string, limit: number): Promise<JourneyRecord[]> {
    return this.deps.store.journeys.listOfBrowser(browser, limit);
  }

  /** The journey, when this browser started it (JOURNEY_NOT_FOUND otherwise: ids are not shared). */
  async ownJourney(browser: string, id: string): Promise<JourneyRecord> {
    const journey = await this.deps.store.journeys.get(id);
    if (!journey || journey.browserHash !== browser) throw new BankError("JOURNEY_NOT_FOUND", `no journey ${id} in this browser`);
    return journey;
  }

  /** ③ onwards: the browser is back from the portal. */
  async handleCallback(browser: string, input: CallbackInput): Promise<CallbackOutcome> {
    const journey = await this.deps.store.journeys.getByState(input.state);
    if (!journey || journey.browserHash !== browser) {
      throw new BankError("CALLBACK_INVALID", "this return from the portal does not belong to a request started in this browser");
    }
    if (journey.status !== "awaitingApproval") return { journey };

    const log = new StepLog(PLANS[journey.kind], this.deps.clock, journey.steps);
    const outcome: JourneyOutcome = {};
    let rejection: BankError | undefined;
    try {
      const result = await log.run("signRequest", (step) => {
        if (input.error !== undefined || !input.code) {
          step.fail("the citizen approved at the portal", input.error === "access_denied" ? "cancelled at the portal, or the request expired there" : `portal error ${input.error ?? "(no code)"}`);
          throw new BankError("APPROVAL_CANCELLED", "the request was cancelled at the portal (or expired there)");
        }
        step.pass("the citizen approved at the portal with the card's PIN");
        return step.check("the one-time code is redeemed at the portal (server to server, once)", () => this.deps.portal.redeem(input.code!, input.state), (r: ApprovalResult) => `portal request ${r.requestId}`);
      });
      await COMPLETIONS[journey.kind](this.deps, journey, result, log, outcome);
    } catch (error) {
      // An unexpected failure is logged and shown as INTERNAL; the page still shows how far the checks got.
      if (!isBankError(error)) this.options.reportError?.(error, journey.id);
      rejection = isBankError(error) ? error : new BankError("INTERNAL", "an unexpected error stopped the checks", { cause: error });
    }
    await this.finish(journey, log, outcome, rejection);
    const finished = (await this.deps.store.journeys.get(journey.id))!;
    if (!rejection && outcome.startSession && outcome.customerId) {
      return { journey: finished, session: await this.sessions.start(outcome.customerId) };
    }
    return { journey: finished };
  }

  private async finish(journey: JourneyRecord, log: StepLog, outcome: JourneyOutcome, rejection: BankError | undefined): Promise<void> {
    const status = rejection ? (rejection.code === "APPROVAL_CANCELLED" ? "cancelled" : "rejected") : "completed";
    await this.deps.store.journeys.transition(journey.id, "awaitingApproval", {
      status,
      steps: log.steps,
      rejection: rejection ? rejectionOf(rejection) : null,
      completedAt: this.deps.clock(),
      customerId: outcome.customerId ?? journey.customerId,
      signerSerial: outcome.signerSerial ?? null,
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
