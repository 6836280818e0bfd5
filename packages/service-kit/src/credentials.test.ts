import { describe, expect, it } from "vitest";
import { basicCredentials, generateSecret, hashSecret, isAdminCredential, verifySecret } from "./credentials.js";

const basic = (value: string) => `Basic ${Buffer.from(value, "utf8").toString("base64")}`;

describe("basicCredentials", () => {
  it("splits at the first colon, so passwords may contain colons", () => {
    expect(basicCredentials(basic("dev-counter:s3cret:with-colon"))).toEqual({ user: "dev-counter", password: "s3cret:with-colon" });
    expect(basicCredentials(`basic   ${Buffer.from("u:").toString("base64")}`)).toEqual({ user: "u", password: "" });
  });

  it.each([[undefined], [""], ["Bearer abc"], [basic("no-colon")], ["Basic !!!"]])("ignores %s", (header) => {
    expect(basicCredentials(header)).toBeUndefined();
  });
});

describe("hashSecret / verifySecret", () => {
  it("verifies the secret it hashed and nothing else; salts every hash", async () => {
    const hash = await hashSecret("correct horse");
    expect(hash).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifySecret("correct horse", hash)).toBe(true);
    expect(await verifySecret("correct horse ", hash)).toBe(false);
    expect(await hashSecret("correct horse")).not.toBe(hash);
  });

  it("accepts hashes jlis stored before the kit existed (same format, fixed vector)", async () => {
    // scrypt(N=16384, r=8, p=1) of "dev-secret" with salt 00 01 … 0f, 32 bytes, as jlis has always written it.
    const stored = "scrypt$AAECAwQFBgcICQoLDA0ODw$Jebu0KEpi50XglnochV1rh1LjcqvdTeU5Gb4O2cLQlA";
    expect(await verifySecret("dev-secret", stored)).toBe(true);
    expect(await verifySecret("dev-secreT", stored)).toBe(false);
  });

  it.each([["plain"], ["bcrypt$a$b"], ["scrypt$onlysalt"], ["scrypt$AAAA$"]])("refuses a stored value that is not a scrypt hash: %s", async (stored) => {
    expect(await verifySecret("anything", stored)).toBe(false);
  });
});

describe("generateSecret", () => {
  it("is URL-safe, 256 bits and different every time", () => {
    const a = generateSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(a);
  });
});

describe("isAdminCredential", () => {
  const header = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  it("accepts only user admin with exactly the password", () => {
    expect(isAdminCredential(header("admin", "sandbox-admin"), "sandbox-admin")).toBe(true);
    expect(isAdminCredential(header("admin", "sandbox-admin2"), "sandbox-admin")).toBe(false);
    expect(isAdminCredential(header("admin", "sandbox-admi"), "sandbox-admin")).toBe(false);
    expect(isAdminCredential(header("root", "sandbox-admin"), "sandbox-admin")).toBe(false);
    expect(isAdminCredential(undefined, "sandbox-admin")).toBe(false);
    expect(isAdminCredential("Bearer x", "sandbox-admin")).toBe(false);
  });
});
