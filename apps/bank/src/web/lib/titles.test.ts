import { describe, expect, it } from "vitest";
import { titleFor } from "./titles";

describe("titleFor", () => {
  it("names every route, with the flow step where there is one", () => {
    expect(titleFor("/open")).toMatch(/^①/);
    expect(titleFor("/login")).toMatch(/^①'/);
    expect(titleFor("/journeys/j1")).toMatch(/Journey/);
    expect(titleFor("/staff/customers/c1")).toMatch(/Staff/);
    expect(titleFor("/nope")).toMatch(/Not found/);
  });
});
