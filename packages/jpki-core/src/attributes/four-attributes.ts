/**
 * The four basic attributes (基本4情報: name, date of birth, sex, address) as a signing certificate carries
 * them: subjectAltName otherName values under 1.2.392.200149.8.5.5, each `[0] EXPLICIT UTF8String`, in the
 * order real cards use: name, date of birth, sex, address, name substitute positions, address substitute
 * positions (JPKI.md "The two certificates").
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { GeneralName, OtherName, SubjectAlternativeName } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { JpkiError } from "../errors.js";
import { OID } from "../oids.js";
import { isCertificateCharacter, substituteFor } from "./character-set.js";
import { decodeDateOfBirth, encodeDateOfBirth, type JapaneseEra } from "./date-of-birth.js";

export type Sex = "male" | "female" | "unspecified";

const SEX_CODES: Record<Sex, string> = { male: "1", female: "2", unspecified: "3" };

/** Maximum address length in characters (JPKI.md "address"). */
export const MAX_ADDRESS_LENGTH = 200;

/** The attributes as the resident register holds them (input to issuance). */
export interface ResidentAttributes {
  /** Family name, U+3000, given name. */
  name: string;
  /** YYYY-MM-DD, or null when unknown. */
  dateOfBirth: string | null;
  sex: Sex;
  /** From the prefecture on, no postal code. */
  address: string;
}

/** The attributes as a certificate carries them (after character substitution). */
export interface FourAttributes extends ResidentAttributes {
  dateOfBirthEra: JapaneseEra;
  /** One flag per code point of `name`: `0` the real character, `1` a substitute. */
  nameSubstitutePositions: string;
  addressSubstitutePositions: string;
}

export interface SubstitutedText {
  text: string;
  positions: string;
}

/** Replaces characters a certificate cannot carry and records where (flags count code points, not UTF-16). */
export function substituteText(text: string): SubstitutedText {
  let out = "";
  let positions = "";
  for (const char of text) {
    const keep = isCertificateCharacter(char);
    out += keep ? char : substituteFor(char);
    positions += keep ? "0" : "1";
  }
  return { text: out, positions };
}

/** The certificate form of a resident's attributes. */
export function toFourAttributes(resident: ResidentAttributes): FourAttributes {
  if ([...resident.address].length > MAX_ADDRESS_LENGTH) {
    throw new JpkiError("INVALID_ARGUMENT", `address is longer than ${MAX_ADDRESS_LENGTH} characters`);
  }
  const name = substituteText(resident.name);
  const address = substituteText(resident.address);
  const dateOfBirthEra = decodeDateOfBirth(encodeDateOfBirth(resident.dateOfBirth)).era;
  return {
    name: name.text,
    dateOfBirth: resident.dateOfBirth,
    dateOfBirthEra,
    sex: resident.sex,
    address: address.text,
    nameSubstitutePositions: name.positions,
    addressSubstitutePositions: address.positions,
  };
}

/** The otherName entries, in card order. */
export function encodeFourAttributes(attributes: FourAttributes): GeneralName[] {
  const values: Array<[string, string]> = [
    [OID.attributeName, attributes.name],
    [OID.attributeDateOfBirth, encodeDateOfBirth(attributes.dateOfBirth)],
    [OID.attributeSex, SEX_CODES[attributes.sex]],
    [OID.attributeAddress, attributes.address],
    [OID.attributeNameSubstitutePositions, attributes.nameSubstitutePositions],
    [OID.attributeAddressSubstitutePositions, attributes.addressSubstitutePositions],
  ];
  return values.map(
    ([typeId, value]) =>
      new GeneralName({
        otherName: new OtherName({ typeId, value: new asn1js.Utf8String({ value }).toBER() }),
      }),
  );
}

export function encodeFourAttributesSan(attributes: FourAttributes): ArrayBuffer {
  return AsnConvert.serialize(new SubjectAlternativeName(encodeFourAttributes(attributes)));
}

/** Order of the JPKI otherName OIDs on real cards, used by the linter. */
export const FOUR_ATTRIBUTE_OID_ORDER: readonly string[] = [
  OID.attributeName,
  OID.attributeDateOfBirth,
  OID.attributeSex,
  OID.attributeAddress,
  OID.attributeNameSubstitutePositions,
  OID.attributeAddressSubstitutePositions,
];

/** The JPKI otherName values in a subjectAltName extension value, keyed by OID, in the order found. */
export function readJpkiOtherNames(sanExtensionValue: BufferSource): Array<{ oid: string; value: string }> {
  let san: SubjectAlternativeName;
  try {
    san = AsnConvert.parse(sanExtensionValue, SubjectAlternativeName);
  } catch (cause) {
    throw new JpkiError("ATTRIBUTES_MALFORMED", "subjectAltName is not valid DER", { cause });
  }
  const found: Array<{ oid: string; value: string }> = [];
  for (const name of san) {
    const other = name.otherName;
    if (!other || !other.typeId.startsWith("1.2.392.200149.8.5.5.")) continue;
    const parsed = asn1js.fromBER(other.value);
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Utf8String)) {
      throw new JpkiError("ATTRIBUTES_MALFORMED", `otherName ${other.typeId} is not a UTF8String`);
    }
    found.push({ oid: other.typeId, value: parsed.result.valueBlock.value });
  }
  return found;
}

/** Decodes the four attributes from a subjectAltName extension value; errors name what is wrong. */
export function decodeFourAttributesSan(sanExtensionValue: BufferSource): FourAttributes {
  const values = new Map(readJpkiOtherNames(sanExtensionValue).map(({ oid, value }) => [oid, value]));
  const need = (oid: string, what: string): string => {
    const value = values.get(oid);
    if (value === undefined) throw new JpkiError("ATTRIBUTES_MALFORMED", `subjectAltName has no ${what} (${oid})`);
    return value;
  };
  const sexCode = need(OID.attributeSex, "sex");
  const sex = (Object.keys(SEX_CODES) as Sex[]).find((s) => SEX_CODES[s] === sexCode);
  if (!sex) throw new JpkiError("ATTRIBUTES_MALFORMED", `sex code must be 1, 2 or 3, not ${sexCode}`);
  const dob = decodeDateOfBirth(need(OID.attributeDateOfBirth, "date of birth"));
  const name = need(OID.attributeName, "name");
  const address = need(OID.attributeAddress, "address");
  const nameSubstitutePositions = values.get(OID.attributeNameSubstitutePositions) ?? "0".repeat([...name].length);
  const addressSubstitutePositions =
    values.get(OID.attributeAddressSubstitutePositions) ?? "0".repeat([...address].length);
  return {
    name,
    dateOfBirth: dob.date,
    dateOfBirthEra: dob.era,
    sex,
    address,
    nameSubstitutePositions,
    addressSubstitutePositions,
  };
}
