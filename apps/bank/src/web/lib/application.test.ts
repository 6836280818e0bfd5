import { describe, expect, it } from "vitest";
import { EMPTY_APPLICATION, HANAKO, asApplicationInput, toApplicationInput, validateApplication } from "./application";

const TODAY = "2026-11-24";

describe("HANAKO", () => {
  it("is the seed persona of JPKI.md, with a full-width space in her name", () => {
    expect(HANAKO).toEqual({ name: "総務　花子", dateOfBirth: "2010-03-31", sex: "female", address: "東京都千代田区霞が関二丁目１番２号" });
    expect(HANAKO.name.codePointAt(2)).toBe(0x3000);
    expect(validateApplication(HANAKO, TODAY)).toEqual({});
  });
});

describe("validateApplication", () => {
  it("asks for every field", () => {
    expect(Object.keys(validateApplication(EMPTY_APPLICATION, TODAY)).sort()).toEqual(["address", "dateOfBirth", "name"]);
  });
  it("wants family and given name separated by one run of spaces, full- or half-width", () => {
    expect(validateApplication({ ...HANAKO, name: "総務 花子" }, TODAY).name).toBeUndefined();
    expect(validateApplication({ ...HANAKO, name: " 総務　花子 " }, TODAY).name).toBeUndefined();
    expect(validateApplication({ ...HANAKO, name: "総務花子" }, TODAY).name).toMatch(/space/);
    expect(validateApplication({ ...HANAKO, name: "総務 花 子" }, TODAY).name).toMatch(/space/);
  });
  it("wants a real date of birth that is not in the future at sandbox time", () => {
    expect(validateApplication({ ...HANAKO, dateOfBirth: "2010-02-30" }, TODAY).dateOfBirth).toMatch(/YYYY-MM-DD/);
    expect(validateApplication({ ...HANAKO, dateOfBirth: "2030-01-01" }, TODAY).dateOfBirth).toMatch(/future/);
    expect(validateApplication({ ...HANAKO, dateOfBirth: "2030-01-01" }, null).dateOfBirth).toBeUndefined();
  });
  it("wants the address from the prefecture on, without a postal code, at most 200 characters", () => {
    expect(validateApplication({ ...HANAKO, address: "千代田区霞が関" }, TODAY).address).toMatch(/prefecture/);
    expect(validateApplication({ ...HANAKO, address: "〒100-8926 東京都千代田区" }, TODAY).address).toMatch(/postal/);
    expect(validateApplication({ ...HANAKO, address: "100-8926 東京都千代田区" }, TODAY).address).toMatch(/postal/);
    expect(validateApplication({ ...HANAKO, address: `東京都${"あ".repeat(198)}` }, TODAY).address).toMatch(/200/);
    for (const ok of ["北海道札幌市", "京都府京都市", "大阪府大阪市", "神奈川県横浜市", "沖縄県那覇市"])
      expect(validateApplication({ ...HANAKO, address: ok }, TODAY).address).toBeUndefined();
  });
  it("refuses an unknown sex", () => {
    expect(validateApplication({ ...HANAKO, sex: "other" as never }, TODAY).sex).toBeDefined();
  });
});

describe("toApplicationInput", () => {
  it("trims the ends only", () => {
    expect(toApplicationInput({ ...HANAKO, name: "  総務　花子 ", address: " 東京都 " })).toEqual({ ...HANAKO, address: "東京都" });
  });
});

describe("asApplicationInput", () => {
  it("accepts a whole application and nothing else", () => {
    expect(asApplicationInput({ ...HANAKO, extra: 1 })).toEqual(HANAKO);
    for (const bad of [null, undefined, "x", { ...HANAKO, sex: "x" }, { name: "a" }]) expect(asApplicationInput(bad)).toBeNull();
  });
});
