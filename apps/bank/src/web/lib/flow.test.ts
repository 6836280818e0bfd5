import { describe, expect, it } from "vitest";
import { LOGIN_FLOW, OPENING_FLOW, allNumberedPassed, everyStepPassed, flowOf, journeyStrip, stripFor, stripFromSteps } from "./flow";

describe("the slide's flows", () => {
  it("number ①–⑧ for opening and ①'–⑥' for login", () => {
    expect(OPENING_FLOW.map((s) => s.number).join("")).toBe("①②③④⑤⑥⑦⑧");
    expect(LOGIN_FLOW.map((s) => s.number)).toEqual(["①'", "②'", "③'", "④'", "⑤'", "⑥'"]);
  });
  it("put everything signed with S on the opening flow", () => {
    expect(flowOf("opening")).toBe("opening");
    expect(flowOf("relink")).toBe("opening");
    expect(flowOf("attributeRefresh")).toBe("opening");
    expect(flowOf("login")).toBe("login");
  });
});

describe("stripFor", () => {
  it("marks the current steps, those before them done, the rest todo", () => {
    expect(stripFor("opening", ["②", "③"]).map((s) => s.state)).toEqual(["done", "current", "current", "todo", "todo", "todo", "todo", "todo"]);
    expect(stripFor("login", []).every((s) => s.state === "todo")).toBe(true);
  });
});

describe("stripFromSteps", () => {
  it("takes each numbered step's outcome; bank-side steps are ignored", () => {
    const strip = stripFromSteps("opening", [
      { number: "①", outcome: "passed" },
      { number: "②", outcome: "passed" },
      { number: "④", outcome: "failed" },
      { number: "", outcome: "failed" },
      { number: "⑤", outcome: "skipped" },
    ]);
    expect(strip.map((s) => s.state)).toEqual(["done", "done", "todo", "failed", "todo", "todo", "todo", "todo"]);
  });
});

describe("allNumberedPassed", () => {
  it("is true only when every numbered step of the flow passed", () => {
    const all = LOGIN_FLOW.map((s) => ({ number: s.number, outcome: "passed" as const }));
    expect(allNumberedPassed("login", [...all, { number: "", outcome: "passed" }])).toBe(true);
    expect(allNumberedPassed("login", all.slice(1))).toBe(false);
    expect(allNumberedPassed("opening", all)).toBe(false);
  });
});

describe("journeyStrip", () => {
  const passed = (numbers: string[]) => numbers.map((number) => ({ number, outcome: "passed" as const }));
  it("shows the whole flow for opening and login, only the reported part for relink and refresh", () => {
    expect(journeyStrip("opening", passed(["②"])).map((s) => s.number)).toHaveLength(8);
    expect(journeyStrip("relink", passed(["②", "③", "④", "⑤", "⑥", "", "⑦", "⑧"])).map((s) => s.number).join("")).toBe("②③④⑤⑥⑦⑧");
    expect(journeyStrip("attributeRefresh", passed(["", "②", "③", "④", "⑤", "⑥", ""])).map((s) => s.number).join("")).toBe("②③④⑤⑥");
  });
  it("says every step passed only when the strip is whole and passed", () => {
    expect(everyStepPassed("relink", passed(["②", "③", "④", "⑤", "⑥", "⑦", "⑧"]))).toBe(true);
    expect(everyStepPassed("opening", passed(["②", "③", "④", "⑤", "⑥", "⑦", "⑧"]))).toBe(false);
    expect(everyStepPassed("attributeRefresh", [])).toBe(false);
    expect(everyStepPassed("login", [...passed(["①'", "②'", "③'", "④'", "⑤'"]), { number: "⑥'", outcome: "failed" }])).toBe(false);
  });
});
