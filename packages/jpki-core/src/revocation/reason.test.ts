import { describe, expect, it } from "vitest";
import { isJpkiError } from "../errors.js";
import {
  crlReasonName,
  parseRevocationReason,
  parseRevocationReasonCode,
  REVOCATION_REASONS,
  revocationReasonCode,
  revocationReasonFromCode,
} from "./reason.js";

describe("revocation reasons", () => {
  it("maps the four JPKI reasons to their RFC 5280 codes and back", () => {
    expect(REVOCATION_REASONS.map((r) => [r, revocationReasonCode(r)])).toEqual([
      ["keyCompromise", 1],
      ["affiliationChanged", 3],
      ["superseded", 4],
      ["cessationOfOperation", 5],
    ]);
    for (const reason of REVOCATION_REASONS) {
      expect(revocationReasonFromCode(revocationReasonCode(reason))).toBe(reason);
      expect(parseRevocationReasonCode(revocationReasonCode(reason))).toBe(reason);
    }
  });

  it("never yields certificateHold or unspecified: lenient form gives undefined, strict form INVALID_ARGUMENT", () => {
    for (const code of [0, 2, 6, 7, 8, 9, 10, 11, -1]) {
      expect(revocationReasonFromCode(code)).toBeUndefined();
      expect(() => parseRevocationReasonCode(code)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    }
    expect(crlReasonName(6)).toBe("certificateHold");
    expect(crlReasonName(7)).toBeUndefined();
  });

  it("validates names from untrusted input", () => {
    expect(parseRevocationReason("superseded")).toBe("superseded");
    for (const bad of ["certificateHold", "toString", "constructor", ""]) {
      try {
        parseRevocationReason(bad);
        expect.unreachable();
      } catch (error) {
        expect(isJpkiError(error, "INVALID_ARGUMENT")).toBe(true);
      }
    }
  });
});
