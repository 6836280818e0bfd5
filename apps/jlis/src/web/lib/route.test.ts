import { describe, expect, it } from "vitest";
import { parseRoute, routeHref } from "./route";

describe("parseRoute", () => {
  it("reads the page and its parameters", () => {
    const route = parseRoute("#/certificates?kind=S&status=revoked");
    expect(route.page).toBe("certificates");
    expect(route.params.get("kind")).toBe("S");
    expect(route.params.get("status")).toBe("revoked");
  });
  it("defaults to the overview", () => {
    expect(parseRoute("").page).toBe("overview");
    expect(parseRoute("#/").page).toBe("overview");
    expect(parseRoute("#/nope").page).toBe("overview");
  });
  it("tolerates a missing slash and a trailing one", () => {
    expect(parseRoute("#audit").page).toBe("audit");
    expect(parseRoute("#/clock/").page).toBe("clock");
  });
});

describe("routeHref", () => {
  it("drops empty parameters", () => {
    expect(routeHref("certificates", { kind: "R", status: "" })).toBe("#/certificates?kind=R");
    expect(routeHref("overview")).toBe("#/overview");
  });
  it("round-trips", () => {
    const route = parseRoute(routeHref("certificates", { kind: "S", status: "good" }));
    expect(route.page).toBe("certificates");
    expect(route.params.get("status")).toBe("good");
  });
});
