import { describe, expect, it } from "vitest";
import { BankError } from "../errors.js";
import { LOGIN_STEPS, OPENING_STEPS, StepLog } from "./steps.js";

const T0 = new Date("2026-05-01T12:00:00Z");
const clock = () => T0;

describe("StepLog (the walkthrough of a journey)", () => {
  it("starts with every planned step skipped, in plan order, with the slide's numbers", () => {
    const log = new StepLog(OPENING_STEPS, clock);
    expect(log.steps.map((s) => s.key)).toEqual(OPENING_STEPS.map((d) => d.key));
    expect(log.steps.map((s) => s.number)).toEqual(["①", "②", "③", "④", "⑤", "⑥", "", "", "⑦", "⑧"]);
    expect(log.steps.every((s) => s.outcome === "skipped" && s.checks.length === 0 && s.at === null)).toBe(true);
  });

  it("records passed checks with their detail and the step's time", async () => {
    const log = new StepLog(LOGIN_STEPS, clock);
    const value = await log.run("verify", async (step) => {
      const n = await step.check("the signature verifies", () => 42, (v) => `value ${v}`);
      await step.check("no detail", async () => "x");
      step.pass("already known", "from ③'");
      step.message("label", "application/json", "{}");
      return n;
    });
    expect(value).toBe(42);
    const verify = log.steps.find((s) => s.key === "verify")!;
    expect(verify).toMatchObject({
      outcome: "passed",
      at: T0.toISOString(),
      checks: [
        { name: "the signature verifies", outcome: "passed", detail: "value 42" },
        { name: "no detail", outcome: "passed" },
        { name: "already known", outcome: "passed", detail: "from ③'" },
      ],
      message: { label: "label", contentType: "application/json", body: "{}" },
    });
    expect(verify.checks[1]).not.toHaveProperty("detail");
  });

  it("a check that throws fails its step with the error's message, rethrows the same error, and later steps stay skipped", async () => {
    const log = new StepLog(OPENING_STEPS, clock);
    await log.run("signature", (step) => step.pass("arrived"));
    const error = new BankError("SIGNATURE_INVALID", "the CMS signature does not verify");
    const run = log.run("verify", async (step) => {
      await step.check("first", () => true);
      await step.check("the signature verifies", () => {
        throw error;
      });
      await step.check("never reached", () => true);
    });
    await expect(run).rejects.toBe(error);
    const byKey = Object.fromEntries(log.steps.map((s) => [s.key, s]));
    expect(byKey.signature?.outcome).toBe("passed");
    expect(byKey.verify).toMatchObject({
      outcome: "failed",
      checks: [
        { name: "first", outcome: "passed" },
        { name: "the signature verifies", outcome: "failed", detail: "the CMS signature does not verify" },
      ],
    });
    for (const key of ["ocspRequest", "ocspResponse", "match", "register", "linkageRequest", "linkageResponse"]) {
      expect(byKey[key]?.outcome, key).toBe("skipped");
    }
  });

  it("fail() records a failed check without throwing; the step fails only if the work throws", async () => {
    const log = new StepLog(OPENING_STEPS, clock);
    await expect(
      log.run("match", (step) => {
        step.fail("name", "differs");
        step.fail("address");
        throw new BankError("ATTRIBUTES_MISMATCH", "name, address");
      }),
    ).rejects.toMatchObject({ code: "ATTRIBUTES_MISMATCH" });
    expect(log.steps.find((s) => s.key === "match")).toMatchObject({
      outcome: "failed",
      checks: [{ name: "name", outcome: "failed", detail: "differs" }, { name: "address", outcome: "failed" }],
    });
  });

  it("a thrown non-Error is recorded as its string", async () => {
    const log = new StepLog(OPENING_STEPS, clock);
    await expect(log.run("verify", (step) => step.check("x", () => Promise.reject("boom")))).rejects.toBe("boom");
    expect(log.steps.find((s) => s.key === "verify")?.checks[0]).toEqual({ name: "x", outcome: "failed", detail: "boom" });
  });

  it("passed() marks a step passed with given checks and time", () => {
    const log = new StepLog(OPENING_STEPS, clock);
    log.passed("form", [{ name: "the form is complete", outcome: "passed" }], new Date("2026-05-01T11:00:00Z"));
    expect(log.steps[0]).toMatchObject({ key: "form", outcome: "passed", at: "2026-05-01T11:00:00.000Z", checks: [{ name: "the form is complete", outcome: "passed" }] });
  });

  it("an unknown step key is a programming error", async () => {
    const log = new StepLog(LOGIN_STEPS, clock);
    await expect(log.run("linkageRequest", () => undefined)).rejects.toThrow(/no step linkageRequest/);
    expect(() => log.passed("match", [])).toThrow(/no step match/);
  });

  it("restores recorded steps (a journey resumed after the portal) and fills the rest of the plan as skipped", async () => {
    const first = new StepLog(OPENING_STEPS, clock);
    first.passed("form", [{ name: "the form is complete", outcome: "passed" }]);
    await first.run("signRequest", (step) => step.pass("approval created"));
    const recorded = JSON.parse(JSON.stringify(first.steps.slice(0, 2))) as typeof first.steps;

    const later = new Date("2026-05-01T12:05:00Z");
    const resumed = new StepLog(OPENING_STEPS, () => later, recorded);
    expect(resumed.steps.map((s) => [s.key, s.outcome])).toEqual(OPENING_STEPS.map((d, i) => [d.key, i < 2 ? "passed" : "skipped"]));
    expect(resumed.steps[1]?.checks).toEqual([{ name: "approval created", outcome: "passed" }]);
    expect(resumed.steps[1]?.at).toBe(T0.toISOString());

    await resumed.run("signature", (step) => step.pass("arrived"));
    expect(resumed.steps[2]).toMatchObject({ outcome: "passed", at: later.toISOString() });
  });

  it("recorded steps of keys no longer in the plan are dropped; order follows the plan", () => {
    const recorded = [
      { key: "verify", number: "④", titleJa: "", titleEn: "", actors: "", outcome: "passed" as const, checks: [], at: T0.toISOString() },
      { key: "obsolete", number: "", titleJa: "", titleEn: "", actors: "", outcome: "passed" as const, checks: [], at: T0.toISOString() },
    ];
    const log = new StepLog(LOGIN_STEPS, clock, recorded);
    expect(log.steps.map((s) => s.key)).toEqual(LOGIN_STEPS.map((d) => d.key));
    expect(log.steps.find((s) => s.key === "verify")?.outcome).toBe("passed");
  });

  it("re-running a step replaces its checks", async () => {
    const log = new StepLog(LOGIN_STEPS, clock);
    await expect(log.run("verify", (step) => step.check("a", () => Promise.reject(new Error("no"))))).rejects.toThrow();
    await log.run("verify", (step) => step.pass("b"));
    expect(log.steps.find((s) => s.key === "verify")).toMatchObject({ outcome: "passed", checks: [{ name: "b", outcome: "passed" }] });
  });
});
