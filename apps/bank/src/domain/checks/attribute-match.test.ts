import { describe, expect, it } from "vitest";
import type { ApplicationInput } from "../../shared/api-types.js";
import { isBankError } from "../errors.js";
import { assertAttributesMatch, mismatchedFields, normaliseText, textMatches, type CertificateAttributes } from "./attribute-match.js";

/** 花子 as her S certificate carries her (JPKI.md "Personas"). */
const CERTIFIED: CertificateAttributes = {
  name: "総務\u3000花子",
  dateOfBirth: "2010-03-31",
  sex: "female",
  address: "東京都千代田区霞が関二丁目１番２号",
  nameSubstitutePositions: "00000",
  addressSubstitutePositions: "0".repeat([..."東京都千代田区霞が関二丁目１番２号"].length),
};

const FORM: ApplicationInput = { name: "総務　花子", dateOfBirth: "2010-03-31", sex: "female", address: "東京都千代田区霞が関二丁目１番２号" };

function mismatchOf(form: Partial<ApplicationInput>, certified: Partial<CertificateAttributes> = {}): unknown {
  try {
    assertAttributesMatch({ ...FORM, ...form }, { ...CERTIFIED, ...certified });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("attribute match (the application against the four attributes)", () => {
  it("accepts the application typed exactly as on the card", () => {
    expect(mismatchedFields(FORM, CERTIFIED)).toEqual([]);
    expect(() => assertAttributesMatch(FORM, CERTIFIED)).not.toThrow();
  });

  describe("width (NFKC)", () => {
    it("half-width digits match the register's full-width digits", () => {
      expect(mismatchedFields({ ...FORM, address: "東京都千代田区霞が関二丁目1番2号" }, CERTIFIED)).toEqual([]);
    });
    it("full-width letters and digits typed against half-width certified text match", () => {
      expect(textMatches("ＡＢＣビル１０１", "ABCビル101")).toBe(true);
    });
    it("a half-width space, a full-width space or none between family and given name all match", () => {
      for (const name of ["総務 花子", "総務\u3000花子", "総務花子", " 総務  花子 "]) {
        expect(mismatchedFields({ ...FORM, name }, CERTIFIED), name).toEqual([]);
      }
    });
    it("half-width katakana typed for full-width katakana matches (NFKC of the whole text)", () => {
      // ｶ (U+FF76) alone is NFKC カ; with the half-width voiced mark ﾞ (U+FF9E) NFKC composes ガ.
      expect(textMatches("ｶｽﾐｶﾞｾｷﾋﾞﾙ", "カスミガセキビル")).toBe(true);
    });
  });

  describe("hyphens and whitespace", () => {
    it.each([
      ["-", "hyphen-minus"],
      ["\u2010", "hyphen"],
      ["\u2011", "non-breaking hyphen"],
      ["\u2012", "figure dash"],
      ["\u2013", "en dash"],
      ["\u2014", "em dash"],
      ["\u2015", "horizontal bar"],
      ["\u2212", "minus sign"],
      ["\uFE58", "small em dash"],
      ["\uFE63", "small hyphen-minus"],
      ["\uFF0D", "full-width hyphen-minus"],
    ])("%s (%s) matches the register's full-width hyphen", (dash) => {
      expect(textMatches(`霞が関二丁目１${dash}２`, "霞が関二丁目１－２")).toBe(true);
    });
    it("tabs, newlines and ideographic spaces are ignored anywhere", () => {
      expect(textMatches("東京都\t千代田区\n霞が関\u3000二丁目 １番２号", CERTIFIED.address)).toBe(true);
    });
    it("normaliseText unifies width, dashes and drops whitespace", () => {
      expect(normaliseText("１－２\u3000Ａ")).toBe("1-2A");
    });
  });

  describe("substitute positions (one-character wildcards)", () => {
    // 髙 (outside JIS levels 1–2) written on the card as a substitute character, flagged 1.
    const certified = { ...CERTIFIED, name: "〓橋\u3000花子", nameSubstitutePositions: "10000" };
    it("any one character the customer typed matches a substitute position", () => {
      expect(mismatchedFields({ ...FORM, name: "髙橋　花子" }, certified)).toEqual([]);
      expect(mismatchedFields({ ...FORM, name: "高橋 花子" }, certified)).toEqual([]);
    });
    it("the wildcard stands for exactly one character, not zero or two", () => {
      expect(mismatchedFields({ ...FORM, name: "橋　花子" }, certified)).toEqual(["name"]);
      expect(mismatchedFields({ ...FORM, name: "髙髙橋　花子" }, certified)).toEqual(["name"]);
    });
    it("characters at positions flagged 0 must still match", () => {
      expect(mismatchedFields({ ...FORM, name: "髙田　花子" }, certified)).toEqual(["name"]);
    });
    it("address substitute positions work the same way", () => {
      const address = "東京都千代田区〓が関二丁目１番２号";
      const positions = [...address].map((c) => (c === "〓" ? "1" : "0")).join("");
      expect(mismatchedFields({ ...FORM }, { ...CERTIFIED, address, addressSubstitutePositions: positions })).toEqual([]);
    });
    it("without the flag the substitute character is compared literally", () => {
      expect(mismatchedFields({ ...FORM, name: "髙橋　花子" }, { ...certified, nameSubstitutePositions: "00000" })).toEqual(["name"]);
    });
  });

  it("kanji numerals are not converted: 2丁目 does not match 二丁目", () => {
    expect(mismatchedFields({ ...FORM, address: "東京都千代田区霞が関2丁目1番2号" }, CERTIFIED)).toEqual(["address"]);
    expect(mismatchedFields({ ...FORM, address: "東京都千代田区霞が関二丁目一番二号" }, CERTIFIED)).toEqual(["address"]);
  });

  describe("ATTRIBUTES_MISMATCH names each field that differs", () => {
    it.each([
      ["name", { name: "総務　花代" }],
      ["dateOfBirth", { dateOfBirth: "2010-03-30" }],
      ["sex", { sex: "male" as const }],
      ["address", { address: "東京都千代田区霞が関二丁目１番３号" }],
    ] as const)("%s", (field, form) => {
      const error = mismatchOf(form);
      expect(isBankError(error, "ATTRIBUTES_MISMATCH")).toBe(true);
      expect((error as { details?: { fields?: string[] } }).details?.fields).toEqual([field]);
    });

    it("all four at once, in the order name, dateOfBirth, sex, address", () => {
      const error = mismatchOf({ name: "山田　太郎", dateOfBirth: "1990-01-01", sex: "male", address: "大阪府大阪市北区" });
      expect(isBankError(error, "ATTRIBUTES_MISMATCH")).toBe(true);
      expect((error as { details?: { fields?: string[] } }).details?.fields).toEqual(["name", "dateOfBirth", "sex", "address"]);
    });

    it("a longer or shorter text never matches a prefix", () => {
      expect(mismatchedFields({ ...FORM, address: `${FORM.address}ビル` }, CERTIFIED)).toEqual(["address"]);
      expect(mismatchedFields({ ...FORM, name: "総務" }, CERTIFIED)).toEqual(["name"]);
    });
  });
});
