import { describe, expect, it } from "vitest";
import { configFromEnv } from "./env.js";

describe("configFromEnv: where the other apps are", () => {
  it("links browsers to the server-to-server URLs unless public ones are set (containers)", () => {
    const local = configFromEnv({ JPKI_BANK_PORTAL_URL: "http://127.0.0.1:4030/", JPKI_BANK_JLIS_URL: "http://127.0.0.1:4010" });
    expect(local.portal).toMatchObject({ url: "http://127.0.0.1:4030", publicUrl: undefined });
    expect(local.jlis).toMatchObject({ url: "http://127.0.0.1:4010", publicUrl: undefined });

    const compose = configFromEnv({
      JPKI_BANK_PORTAL_URL: "http://portal:4030",
      JPKI_BANK_PORTAL_PUBLIC_URL: "http://localhost:4030/",
      JPKI_BANK_JLIS_URL: "http://jlis:4010",
      JPKI_BANK_JLIS_PUBLIC_URL: "http://localhost:4010",
    });
    expect(compose.portal).toMatchObject({ url: "http://portal:4030", publicUrl: "http://localhost:4030" });
    expect(compose.jlis).toMatchObject({ url: "http://jlis:4010", publicUrl: "http://localhost:4010" });
  });
});
