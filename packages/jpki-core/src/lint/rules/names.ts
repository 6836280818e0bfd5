/** Issuer and subject DNs (JPKI.md "Issuer", "Subject"). */
import { AsnConvert } from "@peculiar/asn1-schema";
import { Name } from "@peculiar/asn1-x509";
import type { x509 } from "../../crypto/x509-library.js";
import { OID } from "../../oids.js";
import { AGENCY_UNIT, CA_UNITS } from "../../profile/names.js";
import type { LintContext } from "../context.js";

const SHORT: Record<string, string> = {
  [OID.countryName]: "C",
  [OID.localityName]: "L",
  [OID.organizationName]: "O",
  [OID.organizationalUnitName]: "OU",
  [OID.commonName]: "CN",
};

/** The DN as a list of `TYPE=value`, one per RDN (JPKI uses single-valued RDNs). */
function rdns(name: x509.Name): Array<{ type: string; value: string }> {
  const asn = AsnConvert.parse(name.toArrayBuffer(), Name);
  return asn.map((rdn) => {
    const atv = rdn[0]!;
    return { type: (rdn.length === 1 ? SHORT[atv.type] : undefined) ?? atv.type, value: atv.value.toString() };
  });
}

const shape = (list: Array<{ type: string }>): string => list.map((r) => r.type).join(",");

/** `<YYYYMMDDhhmmss><5-digit sequence><6-digit local government code><3-digit counter>`. */
const SIGNING_CN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{5}\d{6}\d{3}$/;

export function nameRules({ parsed, certificate, report }: LintContext): void {
  if (parsed.kind === "other") return;
  const issuer = rdns(certificate.issuerName);
  const unit = CA_UNITS[parsed.kind];
  if (
    shape(issuer) !== "C,O,OU,OU" ||
    issuer[0]!.value !== "JP" ||
    issuer[2]!.value !== unit ||
    issuer[3]!.value !== AGENCY_UNIT
  ) {
    report("ISSUER_DN_SHAPE", `issuer must be C=JP, O=<O>, OU=${unit}, OU=${AGENCY_UNIT}`);
  }
  const subject = rdns(certificate.subjectName);
  if (parsed.kind === "S") {
    if (shape(subject) !== "C,L,L,CN" || subject[0]!.value !== "JP") {
      report("SUBJECT_DN_SHAPE", "an S subject is C=JP, L=<prefecture>, L=<city>, CN=<request id>");
    } else if (!SIGNING_CN.test(subject[3]!.value)) {
      report("SUBJECT_CN_FORMAT", "an S subject CN is the request time (14 digits), a 5-digit sequence and a 9-digit counter id");
    }
  } else if (shape(subject) !== "C,CN" || subject[0]!.value !== "JP") {
    if (subject.some((r) => r.type === "L")) {
      report("R_CARRIES_PERSONAL_DATA", "an R subject must not name the holder's municipality");
    }
    report("SUBJECT_DN_SHAPE", "an R subject is C=JP, CN=<opaque identifier>");
  }
}
