import { describe, expect, it } from "vitest";
import {
  ApiError,
  DEFAULT_PROBLEM_TEXTS,
  fieldIssues,
  issuesFor,
  problemFromBadBody,
  problemFromNetworkError,
  problemFromResponse,
  toProblem,
  unplacedIssues,
} from "./problem.js";

describe("problemFromResponse", () => {
  it("reads an RFC 9457 problem with its code and extensions", () => {
    const body = JSON.stringify({ type: "https://jpki-sandbox.invalid/problems/pin-incorrect", title: "pin incorrect", status: 403, code: "PIN_INCORRECT", detail: "wrong PIN", triesLeft: 2 });
    const problem = problemFromResponse(403, "application/problem+json; charset=utf-8", body);
    expect(problem).toMatchObject({ status: 403, code: "PIN_INCORRECT", title: "pin incorrect", detail: "wrong PIN", triesLeft: 2 });
  });

  it("keeps extension members", () => {
    const problem = problemFromResponse(400, "application/problem+json", JSON.stringify({ code: "BAD_REQUEST", jpkiCode: "ERR_DER" }));
    expect(problem.jpkiCode).toBe("ERR_DER");
  });

  it("fills in what a partial problem lacks", () => {
    expect(problemFromResponse(404, "application/json", JSON.stringify({ detail: "no such serial" }))).toEqual({
      type: "about:blank",
      title: "Not found",
      status: 404,
      code: "HTTP_404",
      detail: "no such serial",
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
    expect(problemFromResponse(500, "application/json", "{oops")).toMatchObject({ title: "Internal error", code: "HTTP_500", detail: "{oops" });
    expect(problemFromResponse(503, null, "")).toEqual({ type: "about:blank", title: "Service unavailable", status: 503, code: "HTTP_503" });
  });

  it("titles the statuses either UI meets, and any other by its number", () => {
    expect(problemFromResponse(429, null, "").title).toBe("Too many requests");
    expect(problemFromResponse(410, null, "").title).toBe("Gone");
    expect(problemFromResponse(418, null, "")).toMatchObject({ title: "HTTP 418", code: "HTTP_418" });
  });

  it("gives a bare 401 the UI's own detail when it has one, else the body's text", () => {
    const signIn = { unauthorized: "再読み込みしてください / Reload the page and sign in as admin" };
    expect(problemFromResponse(401, "text/plain", "Unauthorized", signIn)).toMatchObject({ code: "HTTP_401", detail: signIn.unauthorized });
    expect(problemFromResponse(401, "text/plain", "Unauthorized")).toMatchObject({ code: "HTTP_401", detail: "Unauthorized" });
    // a 401 problem body speaks for itself
    const body = JSON.stringify({ code: "SESSION_EXPIRED", detail: "log in again" });
    expect(problemFromResponse(401, "application/problem+json", body, signIn)).toMatchObject({ code: "SESSION_EXPIRED", detail: "log in again" });
  });
});

describe("other problems", () => {
  it("describes a network failure in the UI's words", () => {
    const texts = { unreachable: "jlis に接続できません / Cannot reach jlis" };
    expect(problemFromNetworkError(new TypeError("Failed to fetch"), texts)).toEqual({
      type: "about:blank",
      title: texts.unreachable,
      status: 0,
      code: "NETWORK_ERROR",
      detail: "Failed to fetch",
    });
    expect(problemFromNetworkError("down").title).toBe(DEFAULT_PROBLEM_TEXTS.unreachable);
  });

  it("describes a body that is not JSON", () => {
    expect(problemFromBadBody(200, "<!doctype html><title>x</title>")).toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 200 });
  });

  it("unwraps ApiError and wraps anything else", () => {
    const problem = problemFromResponse(403, "application/problem+json", JSON.stringify({ code: "FORBIDDEN", title: "Not permitted" }));
    expect(toProblem(new ApiError(problem))).toBe(problem);
    expect(toProblem(new Error("boom"))).toMatchObject({ code: "CLIENT_ERROR", detail: "boom", title: DEFAULT_PROBLEM_TEXTS.clientError });
    expect(toProblem("boom", { clientError: "コンソールのエラー / Console error" })).toMatchObject({ title: "コンソールのエラー / Console error" });
  });

  it("writes the problem into the error's message", () => {
    const error = new ApiError({ type: "about:blank", title: "Not found", status: 404, code: "HTTP_404", detail: "no such card" });
    expect(error.message).toBe("Not found: no such card (HTTP_404)");
    expect(error.name).toBe("ApiError");
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
});
