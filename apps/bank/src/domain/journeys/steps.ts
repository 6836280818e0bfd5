/**
 * The steps of a journey as they ran (StepView): the walkthrough a demo audience follows. A journey declares
 * its plan (which steps, numbered as on the slide, JPKI.md "The flow"); `run` records each step's checks and
 * outcome. A check that throws fails its step; the steps after it stay "skipped".
 */
import type { CheckView, StepView } from "../../shared/api-types.js";

export interface StepDefinition {
  key: string;
  number: string;
  titleJa: string;
  titleEn: string;
  actors: string;
}

const d = (key: string, number: string, titleJa: string, titleEn: string, actors: string): StepDefinition => ({ key, number, titleJa, titleEn, actors });

/** Account opening with S: ①–⑧ plus the bank's own match and registration. */
export const OPENING_STEPS: StepDefinition[] = [
  d("form", "①", "申込書の入力", "Fill in the application", "customer → bank"),
  d("signRequest", "②", "署名用電子証明書で署名", "Sign with the signing certificate (S PIN)", "bank → portal → card"),
  d("signature", "③", "申込書・署名・証明書の送付", "Application, signature and S certificate sent", "portal → bank"),
  d("verify", "④", "署名と証明書の検証", "Verify the signature, chain and validity", "bank"),
  d("ocspRequest", "⑤", "有効性確認の要求 (OCSP)", "Ask J-LIS whether S is valid (OCSP)", "bank → J-LIS"),
  d("ocspResponse", "⑥", "有効性確認の結果", "J-LIS's answer", "J-LIS → bank"),
  d("match", "", "基本4情報の照合", "Match the application with the four attributes", "bank"),
  d("register", "", "申込の登録", "Register the application and the customer", "bank"),
  d("linkageRequest", "⑦", "シリアル番号の紐付け要求", "Send the S serial to the linkage service", "bank → J-LIS"),
  d("linkageResponse", "⑧", "利用者証明用シリアル番号の受領", "Receive the R serial and keep the S–R link", "J-LIS → bank"),
];

/** Login with R: ①'–⑥' plus identification and the session. */
export const LOGIN_STEPS: StepDefinition[] = [
  d("challenge", "①'", "チャレンジの送付", "Send a challenge", "bank → portal"),
  d("signRequest", "②'", "利用者証明用電子証明書で署名", "Sign the challenge with the user-authentication certificate (R PIN)", "portal → card"),
  d("signature", "③'", "署名・証明書の送付", "Signature and R certificate sent", "portal → bank"),
  d("verify", "④'", "署名と証明書の検証", "Verify the signature, chain and validity", "bank"),
  d("ocspRequest", "⑤'", "有効性確認の要求 (OCSP)", "Ask J-LIS whether R is valid (OCSP)", "bank → J-LIS"),
  d("ocspResponse", "⑥'", "有効性確認の結果", "J-LIS's answer", "J-LIS → bank"),
  d("identify", "", "利用者の特定", "Find the customer by the R serial", "bank"),
  d("session", "", "ログイン", "Start the session", "bank"),
];

/** A renewed card at login: sign once more with S, follow old S → current S, refresh the link. */
export const RELINK_STEPS: StepDefinition[] = [
  d("signRequest", "②", "署名用電子証明書で署名", "Sign with the signing certificate (S PIN)", "bank → portal → card"),
  d("signature", "③", "署名・証明書の送付", "Signature and S certificate sent", "portal → bank"),
  d("verify", "④", "署名と証明書の検証", "Verify the signature, chain and validity", "bank"),
  d("ocspRequest", "⑤", "有効性確認の要求 (OCSP)", "Ask J-LIS whether S is valid (OCSP)", "bank → J-LIS"),
  d("ocspResponse", "⑥", "有効性確認の結果", "J-LIS's answer", "J-LIS → bank"),
  d("followSigning", "", "旧署名用 → 現在の署名用", "Follow old S → current S (linkage)", "bank → J-LIS"),
  d("linkageRequest", "⑦", "シリアル番号の紐付け要求", "Send the current S serial to the linkage service", "bank → J-LIS"),
  d("linkageResponse", "⑧", "利用者証明用シリアル番号の受領", "Receive the R serial and refresh the link", "J-LIS → bank"),
  d("session", "", "ログイン", "Start the session", "bank"),
];

/** Latest four attributes with the customer's consent (linkage 3). */
export const ATTRIBUTE_REFRESH_STEPS: StepDefinition[] = [
  d("consent", "", "同意書の作成", "Prepare the consent to fetch the latest attributes", "bank"),
  d("signRequest", "②", "署名用電子証明書で同意に署名", "Sign the consent with the signing certificate (S PIN)", "bank → portal → card"),
  d("signature", "③", "署名・証明書の送付", "Signed consent and S certificate sent", "portal → bank"),
  d("verify", "④", "署名と証明書の検証", "Verify the signature, chain and validity", "bank"),
  d("ocspRequest", "⑤", "有効性確認の要求 (OCSP)", "Ask J-LIS whether S is valid (OCSP)", "bank → J-LIS"),
  d("ocspResponse", "⑥", "有効性確認の結果", "J-LIS's answer", "J-LIS → bank"),
  d("attributes", "", "最新の基本4情報の取得", "Fetch the latest four attributes (linkage)", "bank → J-LIS"),
];

export interface StepContext {
  /** Runs one check: recorded passed with `detail(value)`, or failed with the error's message (rethrown). */
  check<T>(name: string, work: () => T | Promise<T>, detail?: (value: T) => string | undefined): Promise<T>;
  /** A check that needs no work (something already established). */
  pass(name: string, detail?: string): void;
  /** A failed check, recorded without throwing (the caller throws once it has recorded all of them). */
  fail(name: string, detail?: string): void;
  /** The message that crossed in this step. */
  message(label: string, contentType: string, body: string): void;
}

export class StepLog {
  readonly steps: StepView[];

  constructor(
    plan: readonly StepDefinition[],
    private readonly now: () => Date,
    recorded: readonly StepView[] = [],
  ) {
    const done = new Map(recorded.map((step) => [step.key, step]));
    this.steps = plan.map((def) => done.get(def.key) ?? { ...def, outcome: "skipped", checks: [], at: null });
  }

  /** Runs a step; its outcome is failed when `work` throws (the error is rethrown). */
  async run<T>(key: string, work: (step: StepContext) => Promise<T> | T): Promise<T> {
    const step = this.steps.find((s) => s.key === key);
    if (!step) throw new Error(`no step ${key} in this journey's plan`);
    step.at = this.now().toISOString();
    step.checks = [];
    const checks: CheckView[] = step.checks;
    const context: StepContext = {
      async check(name, work, detail) {
        try {
          const value = await work();
          const text = detail?.(value);
          checks.push({ name, outcome: "passed", ...(text ? { detail: text } : {}) });
          return value;
        } catch (error) {
          checks.push({ name, outcome: "failed", detail: error instanceof Error ? error.message : String(error) });
          throw error;
        }
      },
      pass(name, detail) {
        checks.push({ name, outcome: "passed", ...(detail ? { detail } : {}) });
      },
      fail(name, detail) {
        checks.push({ name, outcome: "failed", ...(detail ? { detail } : {}) });
      },
      message(label, contentType, body) {
        step.message = { label, contentType, body };
      },
    };
    try {
      const result = await work(context);
      step.outcome = "passed";
      return result;
    } catch (error) {
      step.outcome = "failed";
      throw error;
    }
  }

  /** A step that is already known to have passed (e.g. ① the form was accepted). */
  passed(key: string, checks: CheckView[], at = this.now()): void {
    const step = this.steps.find((s) => s.key === key);
    if (!step) throw new Error(`no step ${key} in this journey's plan`);
    Object.assign(step, { outcome: "passed", checks, at: at.toISOString() });
  }
}
