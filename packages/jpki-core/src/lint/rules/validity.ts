/** Validity (JPKI.md: to the 5th birthday after issuance, end of that day Japan time). */
import { ageAt, endOfJapanDay, japanDateOf, nthBirthdayAfter } from "../../profile/validity.js";
import type { LintContext } from "../context.js";

/** Five years and a day: the longest a 5th-birthday validity can run. */
const MAX_VALIDITY_MS = (5 * 366 + 1) * 24 * 3600 * 1000;

export function validityRules({ parsed, report }: LintContext): void {
  if (parsed.kind === "other") return;
  const { notBefore, notAfter } = parsed;
  if (endOfJapanDay(japanDateOf(notAfter)).getTime() !== notAfter.getTime()) {
    report("VALIDITY_NOT_END_OF_JAPAN_DAY", `notAfter ${notAfter.toISOString()} is not 23:59:59 Japan time`);
  }
  if (notAfter.getTime() - notBefore.getTime() > MAX_VALIDITY_MS) {
    report("VALIDITY_TOO_LONG", "valid for more than five years");
  }
  const dateOfBirth = parsed.attributes?.dateOfBirth;
  if (parsed.kind === "S" && dateOfBirth) {
    const limit = endOfJapanDay(nthBirthdayAfter(dateOfBirth, notBefore, 5));
    if (notAfter.getTime() > limit.getTime()) {
      report("VALIDITY_BEYOND_FIFTH_BIRTHDAY", `notAfter is later than the 5th birthday after issuance (${limit.toISOString()})`);
    }
    if (ageAt(dateOfBirth, notBefore) < 15) {
      report(
        "SIGNING_CERTIFICATE_UNDER_15",
        "issued to a holder under 15: allowed only when the holder asked for a signing certificate",
        "warning",
      );
    }
  }
}
