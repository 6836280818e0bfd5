import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv } from "./env.js";

describe("configFromEnv", () => {
  it("defaults: port 4030, PGlite under <JPKI_DATA_DIR>/portal, jlis on 4010, jlis's credentials file", () => {
    const config = configFromEnv({}, "/work");
    expect(config.port).toBe(4030);
    expect(config.dataDir).toBe(path.resolve("/work/.data/portal"));
    expect(config.database).toEqual({ kind: "pglite", dataDir: path.resolve("/work/.data/portal/pglite") });
    expect(config.jlis).toMatchObject({ url: "http://127.0.0.1:4010", credentialsFile: path.resolve("/work/.data/jlis/dev-credentials.json") });
    expect(config.devBank.returnOrigins).toEqual(["http://127.0.0.1:4020", "http://localhost:4020"]);
    expect(config.cardKey).toBeUndefined();
  });

  it("links browsers to jlis at JPKI_PORTAL_JLIS_PUBLIC_URL when it differs from the server-to-server URL; chaos off by default", () => {
    expect(configFromEnv({ JPKI_PORTAL_JLIS_URL: "http://jlis:4010" }).jlis.publicUrl).toBe("http://jlis:4010");
    const containers = configFromEnv({ JPKI_PORTAL_JLIS_URL: "http://jlis:4010", JPKI_PORTAL_JLIS_PUBLIC_URL: "http://localhost:4010/" });
    expect(containers.jlis).toMatchObject({ url: "http://jlis:4010", publicUrl: "http://localhost:4010" });
    expect(containers.chaos).toEqual({ signingResult: "off" });
    expect(configFromEnv({ JPKI_PORTAL_CHAOS_SIGNING_RESULT: "tamper" }).chaos).toEqual({ signingResult: "tamper" });
    expect(() => configFromEnv({ JPKI_PORTAL_CHAOS_SIGNING_RESULT: "sometimes" })).toThrow(ConfigError);
  });

  it("uses PostgreSQL in schema portal with DATABASE_URL, the portal's own URL first", () => {
    expect(configFromEnv({ DATABASE_URL: "postgresql://a/b" }).database).toEqual({ kind: "postgres", url: "postgresql://a/b", schema: "portal" });
    expect(configFromEnv({ DATABASE_URL: "postgresql://a/b", JPKI_PORTAL_DATABASE_URL: "postgresql://c/d", JPKI_PORTAL_DATABASE_SCHEMA: "p2" }).database).toEqual({
      kind: "postgres",
      url: "postgresql://c/d",
      schema: "p2",
    });
  });

  it("is ephemeral with JPKI_PORTAL_DATA_DIR=:memory: and reads the card key and origins", () => {
    const config = configFromEnv({
      JPKI_PORTAL_DATA_DIR: ":memory:",
      JPKI_PORTAL_CARD_KEY: "ab".repeat(32),
      JPKI_PORTAL_DEV_BANK_RETURN_ORIGINS: "http://a.test:1, http://b.test:2",
    });
    expect(config.dataDir).toBeUndefined();
    expect(config.database).toEqual({ kind: "memory" });
    expect(config.cardKey).toEqual(new Uint8Array(32).fill(0xab));
    expect(config.devBank.returnOrigins).toEqual(["http://a.test:1", "http://b.test:2"]);
  });

  it("names every invalid variable", () => {
    expect(() => configFromEnv({ JPKI_PORTAL_PORT: "x", JPKI_PORTAL_CARD_KEY: "short" })).toThrow(ConfigError);
    expect(() => configFromEnv({ JPKI_PORTAL_PORT: "x", JPKI_PORTAL_CARD_KEY: "short" })).toThrow(/JPKI_PORTAL_PORT[\s\S]*JPKI_PORTAL_CARD_KEY/);
  });
});
