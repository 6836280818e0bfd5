import { label, lookup } from "@jpki-sandbox/web-kit";
import { describe, expect, it } from "vitest";
import { APPROVAL_KINDS, OCSP_STATUSES, REVOCATION_REASONS } from "./labels";

describe("labels", () => {
  it("says 有効 / good for a good certificate", () => {
    expect(label(OCSP_STATUSES.good)).toBe("有効 / good");
    expect(OCSP_STATUSES.revoked.tone).toBe("bad");
  });

  it("maps the approval kinds to the certificate and the flow step", () => {
    expect(APPROVAL_KINDS.sign).toMatchObject({ certificate: "S", step: "②" });
    expect(APPROVAL_KINDS.auth).toMatchObject({ certificate: "R", step: "②'" });
  });

  it("knows the revocation reasons JPKI uses and falls back for others", () => {
    expect(REVOCATION_REASONS.affiliationChanged?.ja).toBe("属性変更");
    expect(lookup(REVOCATION_REASONS, "certificateHold")).toEqual({ ja: "certificateHold", en: "certificateHold", tone: "neutral" });
  });
});
