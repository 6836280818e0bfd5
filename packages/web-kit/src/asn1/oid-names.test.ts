/** The viewer names jpki-core's identifiers (JPKI ones in words) and the common ones jpki-core never writes. */
import { OID } from "@jpki-sandbox/jpki-core";
import { describe, expect, it } from "vitest";
import { OID_NAMES } from "./oid-names.js";

describe("OID_NAMES", () => {
  it("names every identifier jpki-core writes, the JPKI attributes and policies in words", () => {
    for (const oid of Object.values(OID)) expect(OID_NAMES.get(oid), oid).toBeTruthy();
    expect(OID_NAMES.get(OID.attributeAddress)).toBe("JPKI 住所 / address");
    expect(OID_NAMES.get(OID.signingPolicyTest)).toContain("TEST");
    expect(OID_NAMES.get(OID.sha256WithRSAEncryption)).toBe("sha256WithRSAEncryption");
  });

  it("names identifiers jpki-core never writes", () => {
    expect(OID_NAMES.get("2.5.4.42")).toBe("givenName");
  });
});
