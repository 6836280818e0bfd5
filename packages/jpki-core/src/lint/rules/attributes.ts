/** The four attributes in subjectAltName (JPKI.md "The four attributes sit in subjectAltName …"). */
import { isCertificateCharacter } from "../../attributes/character-set.js";
import { decodeDateOfBirth } from "../../attributes/date-of-birth.js";
import { FOUR_ATTRIBUTE_OID_ORDER, MAX_ADDRESS_LENGTH, readJpkiOtherNames } from "../../attributes/four-attributes.js";
import { OID } from "../../oids.js";
import type { LintContext } from "../context.js";

const NAMES: Record<string, string> = {
  [OID.attributeName]: "name",
  [OID.attributeDateOfBirth]: "date of birth",
  [OID.attributeSex]: "sex",
  [OID.attributeAddress]: "address",
  [OID.attributeNameSubstitutePositions]: "name substitute positions",
  [OID.attributeAddressSubstitutePositions]: "address substitute positions",
};

export function attributeRules({ parsed, certificate, report }: LintContext): void {
  const san = certificate.getExtension(OID.subjectAltName);
  if (parsed.kind === "R") {
    if (san) report("R_CARRIES_PERSONAL_DATA", "an R certificate carries no subjectAltName (no personal attributes)");
    return;
  }
  if (parsed.kind !== "S") return;
  if (!san) {
    report("SAN_MISSING", "an S certificate carries the four attributes in subjectAltName");
    return;
  }
  let values: Array<{ oid: string; value: string }>;
  try {
    values = readJpkiOtherNames(san.value);
  } catch (error) {
    report("SAN_MALFORMED", error instanceof Error ? error.message : String(error));
    return;
  }
  const byOid = new Map(values.map(({ oid, value }) => [oid, value]));
  for (const oid of FOUR_ATTRIBUTE_OID_ORDER) {
    if (!byOid.has(oid)) report("ATTRIBUTE_MISSING", `subjectAltName has no ${NAMES[oid]} (${oid})`);
  }
  const order = values.map((v) => v.oid).filter((oid) => FOUR_ATTRIBUTE_OID_ORDER.includes(oid));
  const expectedOrder = FOUR_ATTRIBUTE_OID_ORDER.filter((oid) => byOid.has(oid));
  if (order.join() !== expectedOrder.join()) {
    report("ATTRIBUTE_ORDER", "otherNames are not in card order: name, date of birth, sex, address, substitutes", "warning");
  }
  const name = byOid.get(OID.attributeName);
  if (name !== undefined && !/^[^\u3000]+\u3000[^\u3000]+$/.test(name)) {
    report("ATTRIBUTE_NAME_FORMAT", "the name is family name, U+3000 (full-width space), given name");
  }
  const dob = byOid.get(OID.attributeDateOfBirth);
  if (dob !== undefined) {
    try {
      decodeDateOfBirth(dob);
    } catch (error) {
      report("ATTRIBUTE_DATE_OF_BIRTH_INVALID", error instanceof Error ? error.message : String(error));
    }
  }
  const sex = byOid.get(OID.attributeSex);
  if (sex !== undefined && !/^[123]$/.test(sex)) report("ATTRIBUTE_SEX_INVALID", `sex is 1, 2 or 3, not "${sex}"`);
  const address = byOid.get(OID.attributeAddress);
  if (address !== undefined && [...address].length > MAX_ADDRESS_LENGTH) {
    report("ATTRIBUTE_ADDRESS_TOO_LONG", `the address is longer than ${MAX_ADDRESS_LENGTH} characters`);
  }
  checkSubstitutes(report, "name", name, byOid.get(OID.attributeNameSubstitutePositions));
  checkSubstitutes(report, "address", address, byOid.get(OID.attributeAddressSubstitutePositions));
}

function checkSubstitutes(
  report: LintContext["report"],
  what: string,
  text: string | undefined,
  positions: string | undefined,
): void {
  if (text === undefined || positions === undefined) return;
  const chars = [...text];
  if (!/^[01]*$/.test(positions) || positions.length !== chars.length) {
    report("SUBSTITUTE_POSITIONS_INVALID", `${what} substitute positions must be one 0/1 flag per character (${chars.length})`);
    return;
  }
  const unflagged = chars.filter((c, i) => positions[i] === "0" && !isCertificateCharacter(c));
  if (unflagged.length > 0) {
    report("SUBSTITUTE_CHARACTER_NOT_FLAGGED", `${what} has characters outside JIS X 0208/0212 flagged as real: ${unflagged.join("")}`);
  }
}
