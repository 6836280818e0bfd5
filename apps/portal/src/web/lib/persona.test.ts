import { describe, expect, it } from "vitest";
import type { Persona } from "../../shared/api-types";
import { emptyPersona, signingPlan, validateAddress, validatePersona, withIdeographicSpace } from "./persona";

const hanako: Persona = {
  id: "hanako",
  name: "総務\u3000花子",
  sex: "female",
  dateOfBirth: "2010-03-31",
  address: "東京都千代田区霞が関二丁目１番２号",
  prefecture: "東京都",
  city: "千代田区",
  prefectureRomaji: "Tokyo-to",
  cityRomaji: "Chiyoda-ku",
  localGovernmentCode: "131016",
};
const NOW = "2026-11-24T00:00:00Z";

describe("validatePersona", () => {
  it("accepts the seed persona", () => {
    expect(validatePersona(hanako, NOW)).toEqual({});
  });

  it("asks for every field of a blank record", () => {
    expect(Object.keys(validatePersona(emptyPersona("x"), NOW)).sort()).toEqual(
      ["address", "city", "cityRomaji", "dateOfBirth", "localGovernmentCode", "name", "prefecture", "prefectureRomaji"].sort(),
    );
  });

  it("wants one full-width space in the name, and says so when an ordinary one was typed", () => {
    expect(validatePersona({ ...hanako, name: "総務 花子" }, NOW).name).toContain("not an ordinary space");
    expect(validatePersona({ ...hanako, name: "総務花子" }, NOW).name).toContain("U+3000");
    expect(validatePersona({ ...hanako, name: "総務\u3000\u3000花子" }, NOW).name).toBeDefined();
    expect(validatePersona({ ...hanako, name: "総務\u3000花 子" }, NOW).name).toBeDefined();
  });

  it("checks the date, the code, the romaji and the address length", () => {
    const errors = validatePersona(
      { ...hanako, dateOfBirth: "2030-01-01", localGovernmentCode: "13101", prefectureRomaji: "東京", address: "あ".repeat(201) },
      NOW,
    );
    expect(Object.keys(errors).sort()).toEqual(["address", "dateOfBirth", "localGovernmentCode", "prefectureRomaji"]);
    expect(validatePersona({ ...hanako, dateOfBirth: "2010-02-30" }, NOW).dateOfBirth).toBeDefined();
  });

  it("wants the address from the prefecture on and a prefecture romaji without spaces", () => {
    expect(validatePersona({ ...hanako, address: "千代田区霞が関" }, NOW).address).toContain("東京都");
    expect(validatePersona({ ...hanako, prefectureRomaji: "Tokyo to" }, NOW).prefectureRomaji).toBeDefined();
    expect(validatePersona({ ...hanako, cityRomaji: "Minami Ward" }, NOW).cityRomaji).toBeUndefined();
  });

  it("limits an address change to the address fields", () => {
    expect(validateAddress({ ...hanako, name: "", localGovernmentCode: "x" }, NOW)).toEqual({ localGovernmentCode: "半角数字6桁 / 6 digits" });
  });
});

describe("withIdeographicSpace", () => {
  it("turns ordinary spaces between the names into one U+3000", () => {
    expect(withIdeographicSpace(" 総務  花子 ")).toBe("総務\u3000花子");
  });
});

describe("signingPlan", () => {
  it("issues S from 15", () => {
    expect(signingPlan(hanako, NOW)).toEqual({ issued: true, why: "adult", age: 16 });
  });

  it("does not issue S under 15 unless requested", () => {
    const child = { dateOfBirth: "2015-06-01" };
    expect(signingPlan(child, NOW)).toEqual({ issued: false, why: "under15", age: 11 });
    expect(signingPlan({ ...child, requestSigningCertificate: true }, NOW)).toEqual({ issued: true, why: "requested", age: 11 });
  });

  it("asks for the S PIN when the date cannot be read", () => {
    expect(signingPlan({ dateOfBirth: "" }, NOW).issued).toBe(true);
  });
});
