import { describe, expect, it } from "vitest";
import { ApiError, problemFromBadBody, problemFromNetworkError, problemFromResponse, toProblem } from "./problem";

describe("problemFromResponse", () => {
  it("reads an RFC 9457 problem with jlis's code", () => {
    const body = JSON.stringify({
      type: "https://jpki-sandbox.invalid/problems/certificate-already-revoked",
      title: "certificate already revoked",
      status: 409,
      code: "CERTIFICATE_ALREADY_REVOKED",
      detail: "certificate 0a1b is already revoked",
    });
    const problem = problemFromResponse(409, "application/problem+json; charset=utf-8", body);
    expect(problem).toMatchObject({ status: 409, code: "CERTIFICATE_ALREADY_REVOKED", title: "certificate already revoked" });
    expect(problem.detail).toBe("certificate 0a1b is already revoked");
  });

  it("fills in what a partial problem lacks", () => {
    const problem = problemFromResponse(404, "application/json", JSON.stringify({ detail: "no such serial" }));
    expect(problem).toEqual({ type: "about:blank", title: "Not found", status: 404, code: "HTTP_404", detail: "no such serial" });
  });

  it("keeps extension members", () => {
    const problem = problemFromResponse(400, "application/problem+json", JSON.stringify({ code: "BAD_REQUEST", jpkiCode: "ERR_DER" }));
    expect(problem.jpkiCode).toBe("ERR_DER");
  });

  it("turns an HTML error page into readable text", () => {
    const problem = problemFromResponse(502, "text/html", "<html><body><h1>Bad Gateway</h1><p>upstream down</p></body></html>");
    expect(problem).toMatchObject({ title: "Bad gateway", code: "HTTP_502", detail: "Bad Gateway upstream down" });
  });

  it("survives a body that claims JSON but is not", () => {
    const problem = problemFromResponse(500, "application/json", "{oops");
    expect(problem).toMatchObject({ title: "Internal error", code: "HTTP_500", detail: "{oops" });
  });

  it("tells the operator to sign in again on a bare 401", () => {
    const problem = problemFromResponse(401, "text/plain", "Unauthorized");
    expect(problem.code).toBe("HTTP_401");
    expect(problem.detail).toContain("sign in");
  });

  it("handles an empty body", () => {
    expect(problemFromResponse(503, null, "")).toEqual({ type: "about:blank", title: "Service unavailable", status: 503, code: "HTTP_503" });
  });
});

describe("other problems", () => {
  it("describes a network failure", () => {
    expect(problemFromNetworkError(new TypeError("Failed to fetch"))).toMatchObject({ code: "NETWORK_ERROR", status: 0, detail: "Failed to fetch" });
  });
  it("describes a body that is not JSON", () => {
    expect(problemFromBadBody(200, "<!doctype html><title>x</title>")).toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 200 });
  });
  it("unwraps ApiError and wraps anything else", () => {
    const problem = problemFromResponse(403, "application/problem+json", JSON.stringify({ code: "FORBIDDEN", title: "Not permitted" }));
    expect(toProblem(new ApiError(problem))).toBe(problem);
    expect(toProblem(new Error("boom"))).toMatchObject({ code: "CLIENT_ERROR", detail: "boom" });
  });
});
