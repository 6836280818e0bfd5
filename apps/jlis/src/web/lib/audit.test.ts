import { describe, expect, it } from "vitest";
import { summariseDetail } from "./audit";

describe("summariseDetail", () => {
  it("lists scalar members and elides nested ones", () => {
    expect(summariseDetail({ reason: "keyCompromise", kind: "S", extra: { a: 1 }, n: null })).toBe(
      "reason=keyCompromise, kind=S, extra=…, n=null",
    );
  });
  it("cuts long summaries", () => {
    expect(summariseDetail({ serial: "0123456789abcdef".repeat(8) }, 20)).toBe("serial=0123456789abc…");
  });
});
