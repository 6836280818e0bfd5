import { describe, expect, it } from "vitest";
import type { BankErrorCode } from "../shared/api-types.js";
import { BANK_ERROR_STATUS, BankError } from "./errors.js";
import { rejectionOf } from "./rejections.js";

/** The refusals issue 6 item 5 lists, as the codes the checks throw. */
const JOURNEY_REJECTIONS: BankErrorCode[] = [
  "SIGNATURE_INVALID",
  "DOCUMENT_MISMATCH",
  "WRONG_CERTIFICATE_KIND",
  "CERTIFICATE_UNTRUSTED",
  "CERTIFICATE_EXPIRED",
  "CERTIFICATE_NOT_YET_VALID",
  "CERTIFICATE_REVOKED",
  "OCSP_UNKNOWN",
  "OCSP_TRY_LATER",
  "OCSP_RESPONSE_INVALID",
  "OCSP_UNAVAILABLE",
  "CHALLENGE_REPLAYED",
  "CHALLENGE_EXPIRED",
  "CHALLENGE_UNKNOWN",
  "APPROVAL_CODE_REUSED",
  "ATTRIBUTES_MISMATCH",
  "LINKAGE_UNAVAILABLE",
];

describe("rejectionOf (what a refusal says to a person)", () => {
  it("carries the code, the fields of an ATTRIBUTES_MISMATCH, and no revocationReason", () => {
    const view = rejectionOf(new BankError("ATTRIBUTES_MISMATCH", "the application differs in: name, address", { details: { fields: ["name", "address"] } }));
    expect(view.code).toBe("ATTRIBUTES_MISMATCH");
    expect(view.fields).toEqual(["name", "address"]);
    expect(view).not.toHaveProperty("revocationReason");
  });

  it("carries the revocationReason of a CERTIFICATE_REVOKED, and no fields", () => {
    const view = rejectionOf(new BankError("CERTIFICATE_REVOKED", "revoked.", { details: { revocationReason: "affiliationChanged" } }));
    expect(view.code).toBe("CERTIFICATE_REVOKED");
    expect(view.revocationReason).toBe("affiliationChanged");
    expect(view).not.toHaveProperty("fields");
  });

  it("leaves both out when the error has no details", () => {
    const view = rejectionOf(new BankError("OCSP_TRY_LATER", "tryLater 3 times"));
    expect(view).not.toHaveProperty("fields");
    expect(view).not.toHaveProperty("revocationReason");
  });

  it("ignores details of the wrong type", () => {
    const view = rejectionOf(new BankError("CERTIFICATE_REVOKED", "x", { details: { fields: "name" as never, revocationReason: 3 as never } }));
    expect(view).not.toHaveProperty("fields");
    expect(view).not.toHaveProperty("revocationReason");
  });

  it.each(JOURNEY_REJECTIONS)("%s has its own title in English and Japanese, and the error's own message in the detail", (code) => {
    const view = rejectionOf(new BankError(code, "what happened"));
    const fallback = rejectionOf(new BankError("INTERNAL", "what happened"));
    expect(view.code).toBe(code);
    expect(view.title).not.toBe(fallback.title);
    expect(view.titleJa).not.toBe(fallback.titleJa);
    expect(view.detail.startsWith("what happened. ")).toBe(true);
    expect(view.detail.length).toBeGreaterThan("what happened. ".length);
  });

  it("a code without its own text falls back to a generic title, still with the code", () => {
    const view = rejectionOf(new BankError("INTERNAL", "boom"));
    expect(view.code).toBe("INTERNAL");
    expect(view.title.length).toBeGreaterThan(0);
  });

  it("does not double the full stop of a message that ends with one (. or 。)", () => {
    expect(rejectionOf(new BankError("SIGNATURE_INVALID", "bad.")).detail.startsWith("bad. ")).toBe(true);
    expect(rejectionOf(new BankError("SIGNATURE_INVALID", "不正です。")).detail.startsWith("不正です. ")).toBe(true);
  });

  it("every BankError has the status of its code", () => {
    for (const code of Object.keys(BANK_ERROR_STATUS) as BankErrorCode[]) {
      expect(new BankError(code, "x").status, code).toBe(BANK_ERROR_STATUS[code]);
    }
  });
});
