import { describe, expect, it } from "vitest";
import { CUSTOMER_STATUSES, JOURNEY_KINDS, JOURNEY_STATUSES, OCSP_STATUSES, REVALIDATION_ACTIONS, STEP_OUTCOMES, revocationReasonText } from "./labels";

describe("labels", () => {
  it("name every value of the API's closed unions in both languages", () => {
    const tables = [JOURNEY_KINDS, JOURNEY_STATUSES, STEP_OUTCOMES, CUSTOMER_STATUSES, OCSP_STATUSES, REVALIDATION_ACTIONS];
    for (const table of tables)
      for (const l of Object.values(table)) {
        expect(l.ja).not.toBe("");
        expect(l.en).not.toBe("");
      }
    expect(Object.keys(JOURNEY_STATUSES).sort()).toEqual(["awaitingApproval", "cancelled", "completed", "rejected"]);
    expect(STEP_OUTCOMES.failed.tone).toBe("bad");
  });
  it("spells revocation reasons out, and leaves unknown ones as they are", () => {
    expect(revocationReasonText("affiliationChanged")).toBe("属性変更 / Affiliation changed (affiliationChanged)");
    expect(revocationReasonText("privilegeWithdrawn")).toBe("privilegeWithdrawn");
  });
});
