import { describe, expect, it } from "vitest";
import {
  ApiError,
  fieldIssues,
  issuesFor,
  problemFromBadBody,
  problemFromNetworkError,
  problemFromResponse,
  toProblem,
  triesLeftOf,
  unplacedIssues,
} from "./problem";

describe("problemFromResponse", () => {
  it("reads an RFC 9457 problem with its code and extensions", () => {
    const body = JSON.stringify({ type: "https://jpki-sandbox.invalid/problems/pin-incorrect", title: "pin incorrect", status: 403, code: "PIN_INCORRECT", detail: "wrong PIN", triesLeft: 2 });
    const problem = problemFromResponse(403, "application/problem+json; charset=utf-8", body);
    expect(problem).toMatchObject({ status: 403, code: "PIN_INCORRECT", title: "pin incorrect", detail: "wrong PIN", triesLeft: 2 });
  });

  it("fills in what a partial problem lacks", () => {
    expect(problemFromResponse(404, "application/json", JSON.stringify({ detail: "no such card" }))).toEqual({
      type: "about:blank",
      title: "Not found",
      status: 404,
      code: "HTTP_404",
      detail: "no such card",
    });
  });

  it("turns an HTML error page into readable text", () => {
    expect(problemFromResponse(502, "text/html", "<html><body><h1>Bad Gateway</h1><p>upstream down</p></body></html>")).toMatchObject({
      title: "Bad gateway",
      code: "HTTP_502",
      detail: "Bad Gateway upstream down",
    });
  });

  it("survives a body that claims JSON but is not, and an empty body", () => {
    expect(problemFromResponse(500, "application/json", "{oops")).toMatchObject({ code: "HTTP_500", detail: "{oops" });
    expect(problemFromResponse(503, null, "")).toEqual({ type: "about:blank", title: "Service unavailable", status: 503, code: "HTTP_503" });
  });
});

describe("other problems", () => {
  it("describes a network failure and a body that is not JSON", () => {
    expect(problemFromNetworkError(new TypeError("Failed to fetch"))).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(problemFromBadBody(200, "<!doctype html>")).toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 200 });
  });

  it("unwraps ApiError and wraps anything else", () => {
    const problem = problemFromResponse(403, "application/problem+json", JSON.stringify({ code: "FORBIDDEN" }));
    expect(toProblem(new ApiError(problem))).toBe(problem);
    expect(toProblem(new Error("boom"))).toMatchObject({ code: "CLIENT_ERROR", detail: "boom" });
  });
});

describe("field issues", () => {
  const problem = problemFromResponse(
    400,
    "application/problem+json",
    JSON.stringify({
      code: "VALIDATION_FAILED",
      issues: [
        { path: "body.persona.name", message: "too short" },
        { path: ["persona", "dateOfBirth"], message: "invalid date" },
        { path: "body", message: "unrecognised key" },
        { path: "body.userAuthPin", message: "4 digits" },
        "junk",
        { path: "x" },
      ],
    }),
  );

  it("reads service-kit's issues with body-relative paths", () => {
    expect(fieldIssues(problem)).toEqual([
      { path: "persona.name", message: "too short" },
      { path: "persona.dateOfBirth", message: "invalid date" },
      { path: "", message: "unrecognised key" },
      { path: "userAuthPin", message: "4 digits" },
    ]);
    expect(fieldIssues(null)).toEqual([]);
  });

  it("finds a field's messages and the ones no field shows", () => {
    const issues = fieldIssues(problem);
    expect(issuesFor(issues, "persona.name")).toEqual(["too short"]);
    expect(unplacedIssues(issues, ["persona.name", "persona.dateOfBirth", "userAuthPin"])).toEqual([{ path: "", message: "unrecognised key" }]);
  });

  it("reads triesLeft only when it is a number", () => {
    expect(triesLeftOf({ type: "x", title: "t", status: 403, code: "PIN_INCORRECT", triesLeft: 1 })).toBe(1);
    expect(triesLeftOf({ type: "x", title: "t", status: 403, code: "PIN_INCORRECT", triesLeft: "1" })).toBeNull();
  });
});
