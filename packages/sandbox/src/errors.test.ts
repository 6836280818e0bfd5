import { describe, expect, it } from "vitest";
import { errorFromProblem } from "./errors.js";

describe("errorFromProblem", () => {
  const codeOf = (status: number, code?: string, extra: Record<string, unknown> = {}) =>
    errorFromProblem("portal", status, code === undefined ? undefined : { status, code, ...extra }, "the test");

  it("keeps the apps' own codes by name, with the tries left of a wrong PIN", () => {
    const wrongPin = codeOf(400, "PIN_INCORRECT", { triesLeft: 2 });
    expect(wrongPin).toMatchObject({ code: "PIN_INCORRECT", triesLeft: 2, service: "portal", status: 400 });
    expect(codeOf(409, "CERTIFICATE_ALREADY_REVOKED").code).toBe("CERTIFICATE_ALREADY_REVOKED");
  });

  it("names the rest from the client's list", () => {
    expect(codeOf(400, "VALIDATION_FAILED").code).toBe("INVALID_ARGUMENT");
    expect(codeOf(409, "APDU_SESSION_ENDED").code).toBe("CARD_BUSY");
    expect(codeOf(401, "UNAUTHENTICATED").code).toBe("UNAUTHORIZED");
    expect(codeOf(404).code).toBe("NOT_SUPPORTED");
    expect(codeOf(503, "LINKAGE_UNAVAILABLE").code).toBe("REFUSED");
    // A client code an app happened to send is not taken over as if it were the app's.
    expect(codeOf(500, "UNREACHABLE").code).toBe("REFUSED");
  });
});
