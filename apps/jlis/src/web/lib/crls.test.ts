import { describe, expect, it } from "vitest";
import type { Crl } from "../api";
import { isOverdue, sortCrls } from "./crls";

const crl = (kind: "S" | "R", scope: string): Crl => ({
  kind,
  scope,
  url: "",
  crlNumber: "1",
  thisUpdate: "2030-01-01T00:00:00Z",
  nextUpdate: "2030-01-02T00:00:00Z",
  entries: 0,
});

describe("sortCrls", () => {
  it("puts complete CRLs first, S before R, then municipalities", () => {
    const sorted = sortCrls([crl("R", "Tokyo-to/Chiyoda-ku"), crl("R", "full"), crl("S", "Osaka-fu/Osaka-shi"), crl("S", "full")]);
    expect(sorted.map((c) => `${c.kind}:${c.scope}`)).toEqual([
      "S:full",
      "R:full",
      "S:Osaka-fu/Osaka-shi",
      "R:Tokyo-to/Chiyoda-ku",
    ]);
  });
});

describe("isOverdue", () => {
  it("compares nextUpdate with sandbox time", () => {
    expect(isOverdue(crl("S", "full"), new Date("2030-01-03T00:00:00Z"))).toBe(true);
    expect(isOverdue(crl("S", "full"), new Date("2030-01-01T12:00:00Z"))).toBe(false);
    expect(isOverdue(crl("S", "full"), null)).toBe(false);
  });
});
