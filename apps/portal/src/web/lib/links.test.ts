import { describe, expect, it } from "vitest";
import { pinResetHref, safeReturnPath } from "./links";

describe("pinResetHref", () => {
  it("points at the counter's PIN reset, with the PIN and the way back", () => {
    expect(pinResetHref("c 1")).toBe("/counter/cards/c%201#pin-reset");
    expect(pinResetHref("c1", "signing")).toBe("/counter/cards/c1?pin=signing#pin-reset");
    expect(pinResetHref("c1", "userAuth", "/approve/ap1")).toBe("/counter/cards/c1?pin=userAuth&return=%2Fapprove%2Fap1#pin-reset");
  });
});

describe("safeReturnPath", () => {
  it("follows only this portal's approval pages", () => {
    expect(safeReturnPath("/approve/ap-1_x")).toBe("/approve/ap-1_x");
    for (const bad of [null, "", "https://evil.example/approve/x", "//evil.example/approve/x", "/approve/x/../../cards", "/cards/c1"]) expect(safeReturnPath(bad)).toBeNull();
  });
});
