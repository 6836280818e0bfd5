import { describe, expect, it } from "vitest";
import { hashOneTimeCode, newOneTimeCode, newRequestId } from "./one-time-code.js";

describe("one-time codes", () => {
  it("are 256-bit base64url values stored only as their SHA-256", () => {
    const { code, codeHash } = newOneTimeCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeHash).toBe(hashOneTimeCode(code));
    expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash).not.toContain(code);
    expect(newOneTimeCode().code).not.toBe(code);
  });

  it("hash like sha256sum (a fixed vector)", () => {
    expect(hashOneTimeCode("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("request ids are 128-bit base64url", () => {
    expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
