import { describe, expect, it } from "vitest";
import type { BankErrorCode, JourneyView } from "../../shared/api-types";
import { REJECTION_ADVICE, isHttpUrl, journeyNextLinks } from "./journey";

type V = Pick<JourneyView, "kind" | "status" | "next" | "approvalUrl" | "canRelink">;
const targets = (v: V) => journeyNextLinks(v).map((l) => `${l.primary ? "*" : ""}${l.kind === "route" ? l.to : l.href}`);

describe("journeyNextLinks", () => {
  it("follows the server's next, and always ends at Home", () => {
    expect(targets({ kind: "opening", status: "completed", next: "account" })).toEqual(["*/account", "/"]);
    expect(targets({ kind: "opening", status: "completed", next: "login" })).toEqual(["*/login", "/"]);
    expect(targets({ kind: "login", status: "rejected", next: "open" })).toEqual(["*/open", "/"]);
  });
  it("offers the portal first while the approval is pending", () => {
    expect(targets({ kind: "login", status: "awaitingApproval", approvalUrl: "http://127.0.0.1:4030/approve/a1" })).toEqual([
      "*http://127.0.0.1:4030/approve/a1",
      "/",
    ]);
    expect(targets({ kind: "login", status: "awaitingApproval", approvalUrl: "javascript:alert(1)" })).toEqual(["/"]);
  });
  it("falls back to a sensible page without next", () => {
    expect(targets({ kind: "opening", status: "completed" })).toEqual(["*/login", "/"]);
    expect(targets({ kind: "login", status: "completed" })).toEqual(["*/account", "/"]);
    expect(targets({ kind: "opening", status: "rejected" })).toEqual(["*/open", "/"]);
    expect(targets({ kind: "login", status: "cancelled" })).toEqual(["*/login", "/"]);
    expect(targets({ kind: "attributeRefresh", status: "rejected" })).toEqual(["*/account", "/"]);
  });
  it("leaves the primary action to the relink button when there is one", () => {
    expect(targets({ kind: "login", status: "rejected", canRelink: true, next: "open" })).toEqual(["/open", "/"]);
  });
  it("does not repeat Home", () => {
    expect(journeyNextLinks({ kind: "login", status: "awaitingApproval" }).filter((l) => l.kind === "route" && l.to === "/")).toHaveLength(1);
  });
});

describe("isHttpUrl", () => {
  it("accepts only http and https", () => {
    expect(isHttpUrl("https://portal.example/approve/x")).toBe(true);
    expect(isHttpUrl("http://127.0.0.1:4869/approve/x")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "/approve/x", ""]) expect(isHttpUrl(bad)).toBe(false);
  });
});

describe("REJECTION_ADVICE", () => {
  it("has advice, bilingual, for every rejection item 5 of issue 6 names", () => {
    const codes: BankErrorCode[] = [
      "SIGNATURE_INVALID",
      "WRONG_CERTIFICATE_KIND",
      "CERTIFICATE_EXPIRED",
      "CERTIFICATE_REVOKED",
      "OCSP_UNKNOWN",
      "OCSP_TRY_LATER",
      "OCSP_RESPONSE_INVALID",
      "CHALLENGE_REPLAYED",
      "APPROVAL_CODE_REUSED",
      "ATTRIBUTES_MISMATCH",
      "LINKAGE_UNAVAILABLE",
    ];
    for (const code of codes) {
      const advice = REJECTION_ADVICE[code];
      expect(advice, code).toBeDefined();
      expect(advice?.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(advice?.en).toMatch(/[A-Za-z]/);
    }
  });
});
