import { describe, expect, it } from "vitest";
import { isPortalError } from "../errors.js";
import { checkReturnUrl, redirectWith } from "./return-url.js";

const ORIGINS = ["http://127.0.0.1:4020", "https://bank.example/"];

describe("checkReturnUrl", () => {
  it("accepts URLs on a registered origin, whatever the path", () => {
    expect(checkReturnUrl("http://127.0.0.1:4020/accounts/callback?x=1", ORIGINS).pathname).toBe("/accounts/callback");
    expect(checkReturnUrl("https://bank.example/cb", ORIGINS).origin).toBe("https://bank.example");
  });

  it.each([
    ["another host", "http://evil.example/cb"],
    ["another port", "http://127.0.0.1:4021/cb"],
    ["another scheme", "https://127.0.0.1:4020/cb"],
    ["credentials in the URL", "https://user:pw@bank.example/cb"],
    ["a fragment", "https://bank.example/cb#frag"],
    ["not a URL", "/relative/cb"],
  ])("refuses %s", (_why, url) => {
    expect(() => checkReturnUrl(url, ORIGINS)).toThrow(expect.objectContaining({ code: "RETURN_URL_NOT_ALLOWED" }));
    try {
      checkReturnUrl(url, ORIGINS);
    } catch (error) {
      expect(isPortalError(error, "RETURN_URL_NOT_ALLOWED")).toBe(true);
    }
  });
});

describe("redirectWith", () => {
  it("adds the parameters, keeping the URL's own and encoding values", () => {
    const url = new URL(redirectWith("http://127.0.0.1:4020/cb?flow=open", { code: "a b", state: "s&t" }));
    expect(url.searchParams.get("flow")).toBe("open");
    expect(url.searchParams.get("code")).toBe("a b");
    expect(url.searchParams.get("state")).toBe("s&t");
  });
});
