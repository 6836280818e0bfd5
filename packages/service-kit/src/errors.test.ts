import { describe, expect, it } from "vitest";
import { isServiceError, ServiceError } from "./errors.js";

describe("ServiceError", () => {
  it("carries code, status, details and cause; subclasses keep their own name", () => {
    const cause = new Error("underlying");
    const error = new ServiceError("CONFLICT", 409, "already there", { cause, details: { id: "x" } });
    expect([error.code, error.status, error.details, error.cause, error.name]).toEqual(["CONFLICT", 409, { id: "x" }, cause, "ServiceError"]);
    class AppError extends ServiceError<"A" | "B"> {
      override readonly name = "AppError";
    }
    const app = new AppError("A", 400, "a");
    expect(app.name).toBe("AppError");
    expect(isServiceError(app)).toBe(true);
    expect(isServiceError(app, "B")).toBe(false);
    expect(isServiceError(new Error("x"))).toBe(false);
    expect("cause" in new ServiceError("X", 400, "no cause")).toBe(false);
  });
});
