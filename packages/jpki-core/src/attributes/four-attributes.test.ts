import { AsnConvert } from "@peculiar/asn1-schema";
import { GeneralName, OtherName, SubjectAlternativeName } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { HANAKO, residentAttributesOf } from "../persona/persona.js";
import { isCertificateCharacter } from "./character-set.js";
import {
  decodeFourAttributesSan,
  encodeFourAttributes,
  encodeFourAttributesSan,
  substituteText,
  toFourAttributes,
} from "./four-attributes.js";

function utf8Hex(text: string): string {
  return bytesToHex(new TextEncoder().encode(text));
}

describe("four attributes in subjectAltName", () => {
  const hanako = toFourAttributes(residentAttributesOf(HANAKO));

  it("keeps 花子's attributes as they are (no substitutes needed)", () => {
    expect(hanako).toEqual({
      name: "総務\u3000花子",
      dateOfBirth: "2010-03-31",
      dateOfBirthEra: "heisei",
      sex: "female",
      address: "東京都千代田区霞が関二丁目１番２号",
      nameSubstitutePositions: "00000",
      addressSubstitutePositions: "0".repeat(17),
    });
  });

  it("encodes the name as otherName [0] EXPLICIT UTF8String under 1.2.392.200149.8.5.5.1 (exact DER)", () => {
    const first = AsnConvert.serialize(encodeFourAttributes(hanako)[0]!);
    const name = utf8Hex("総務\u3000花子"); // 15 bytes
    // [0] { OID 1.2.392.200149.8.5.5.1, [0] { UTF8String } }
    expect(bytesToHex(first)).toBe(`a01f060a2a83088c9b55080505 01a0110c0f${name}`.replace(/ /g, ""));
  });

  it("writes the otherNames in card order: name, DOB, sex, address, substitutes", () => {
    const san = AsnConvert.parse(encodeFourAttributesSan(hanako), SubjectAlternativeName);
    expect(san.map((n) => n.otherName?.typeId)).toEqual([
      "1.2.392.200149.8.5.5.1",
      "1.2.392.200149.8.5.5.4",
      "1.2.392.200149.8.5.5.3",
      "1.2.392.200149.8.5.5.5",
      "1.2.392.200149.8.5.5.2",
      "1.2.392.200149.8.5.5.6",
    ]);
  });

  it("decodes what it encodes", () => {
    expect(decodeFourAttributesSan(encodeFourAttributesSan(hanako))).toEqual(hanako);
  });

  it("replaces characters outside JIS X 0208/0212 and flags them per code point", () => {
    // 𠮷 (U+20BB7) is two UTF-16 units but one character: one flag.
    const result = substituteText("\u{20BB7}野\u3000太郎");
    expect(result).toEqual({ text: "吉野\u3000太郎", positions: "10000" });
    const unknown = substituteText("A\u{1F600}");
    expect(unknown).toEqual({ text: "A〓", positions: "01" });
  });

  it("knows which characters a certificate carries", () => {
    for (const c of ["総", "務", "霞", "１", "－", "\u3000", "A"]) expect(isCertificateCharacter(c)).toBe(true);
    for (const c of ["\u{20BB7}", "\u{1F600}", "ｱ"]) expect(isCertificateCharacter(c)).toBe(false);
  });

  it("refuses addresses over 200 characters", () => {
    expect(() => toFourAttributes({ ...residentAttributesOf(HANAKO), address: "東".repeat(201) })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it.each([
    ["a sex code other than 1-3", "1.2.392.200149.8.5.5.3", "9", "sex code"],
    ["a malformed date of birth", "1.2.392.200149.8.5.5.4", "4201003", "EYYYYMMDD"],
  ])("reports %s as ATTRIBUTES_MALFORMED", (_what, oid, value, message) => {
    const names = encodeFourAttributes(hanako).map((n) =>
      n.otherName?.typeId === oid
        ? new GeneralName({ otherName: new OtherName({ typeId: oid, value: new asn1js.Utf8String({ value }).toBER() }) })
        : n,
    );
    const der = AsnConvert.serialize(new SubjectAlternativeName(names));
    expect(() => decodeFourAttributesSan(der)).toThrow(
      expect.objectContaining({ code: "ATTRIBUTES_MALFORMED", message: expect.stringContaining(message) }),
    );
  });

  it("reports a missing attribute and garbage DER as ATTRIBUTES_MALFORMED", () => {
    const withoutName = new SubjectAlternativeName(encodeFourAttributes(hanako).slice(1));
    expect(() => decodeFourAttributesSan(AsnConvert.serialize(withoutName))).toThrow(
      expect.objectContaining({ code: "ATTRIBUTES_MALFORMED" }),
    );
    expect(() => decodeFourAttributesSan(new Uint8Array([0x30, 0x05, 0x01]))).toThrow(
      expect.objectContaining({ code: "ATTRIBUTES_MALFORMED" }),
    );
  });
});
