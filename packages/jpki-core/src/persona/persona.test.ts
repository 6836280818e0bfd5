import { describe, expect, it } from "vitest";
import { HANAKO, parsePersona } from "./persona.js";

describe("persona", () => {
  it("accepts the seed persona 花子", () => {
    expect(parsePersona({ ...HANAKO })).toEqual(HANAKO);
  });

  it("lists every wrong field in one PERSONA_INVALID error", () => {
    const bad = { ...HANAKO, name: "総務 花子", dateOfBirth: "2010-02-30", localGovernmentCode: "13101" };
    expect(() => parsePersona(bad)).toThrow(
      expect.objectContaining({
        code: "PERSONA_INVALID",
        message: expect.stringMatching(/name:.*dateOfBirth:.*localGovernmentCode:/s),
      }),
    );
  });

  it("requires the address to start with the prefecture", () => {
    expect(() => parsePersona({ ...HANAKO, address: "千代田区霞が関" })).toThrow(
      expect.objectContaining({ code: "PERSONA_INVALID", message: expect.stringContaining("prefecture") }),
    );
  });

  it("rejects non-objects", () => {
    expect(() => parsePersona("hanako")).toThrow(expect.objectContaining({ code: "PERSONA_INVALID" }));
  });
});
