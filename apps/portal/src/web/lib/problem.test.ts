import { describe, expect, it } from "vitest";
import { triesLeftOf } from "./problem";

describe("triesLeftOf", () => {
  it("reads triesLeft only when it is a number", () => {
    expect(triesLeftOf({ type: "x", title: "t", status: 403, code: "PIN_INCORRECT", triesLeft: 1 })).toBe(1);
    expect(triesLeftOf({ type: "x", title: "t", status: 403, code: "PIN_INCORRECT", triesLeft: "1" })).toBeNull();
  });
});
