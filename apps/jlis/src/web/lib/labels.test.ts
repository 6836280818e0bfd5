import { label, lookup } from "@jpki-sandbox/web-kit";
import { describe, expect, it } from "vitest";
import { CERTIFICATE_STATUSES, revocationReasonLabel, revocationReasonsFor, scopeLabel } from "./labels";

describe("revocationReasonsFor", () => {
  it("offers affiliationChanged for S only (R carries none of the four attributes)", () => {
    expect(revocationReasonsFor("S")).toEqual(["keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation"]);
    expect(revocationReasonsFor("R")).toEqual(["keyCompromise", "superseded", "cessationOfOperation"]);
  });
  it("never offers certificateHold", () => {
    expect(revocationReasonsFor("S")).not.toContain("certificateHold");
  });
});

describe("labels", () => {
  it("shows Japanese with English beside it", () => {
    expect(label(CERTIFICATE_STATUSES.revoked)).toBe("失効 / Revoked");
  });
  it("labels known reasons and keeps unknown ones visible", () => {
    expect(revocationReasonLabel("superseded")).toBe("更新 / Superseded");
    expect(revocationReasonLabel("removeFromCRL")).toBe("removeFromCRL");
    expect(revocationReasonLabel(undefined)).toBe("");
  });
  it("falls back to the raw value for statuses it does not know", () => {
    expect(lookup(CERTIFICATE_STATUSES, "good").tone).toBe("good");
    expect(lookup(CERTIFICATE_STATUSES, "suspended")).toEqual({ ja: "suspended", en: "suspended", tone: "neutral" });
  });
  it("labels verifier scopes", () => {
    expect(scopeLabel("linkage:signing")).toBe("新旧署名用の紐付け / old S → current S");
    expect(scopeLabel("other")).toBe("other");
  });
});
