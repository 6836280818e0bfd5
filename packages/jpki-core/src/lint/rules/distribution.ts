/** issuerAltName, cRLDistributionPoints and authorityInfoAccess (JPKI.md "Both S and R carry …"). */
import { AsnConvert } from "@peculiar/asn1-schema";
import { CRLDistributionPoints, GeneralNames } from "@peculiar/asn1-x509";
import { x509 } from "../../crypto/x509-library.js";
import { OID } from "../../oids.js";
import { CA_UNITS, ISSUER_ALT_NAME_ORGANIZATION, nameValues } from "../../profile/names.js";
import type { LintContext } from "../context.js";

export function distributionRules({ parsed, certificate, report }: LintContext): void {
  if (parsed.kind === "other") return;
  checkIssuerAltName(certificate, report);
  checkCrlDistributionPoint(parsed.kind, certificate, report);
  if (parsed.kind === "S" && parsed.municipality) {
    const localities = nameValues(certificate.subjectName, "L");
    if (localities[0] !== parsed.municipality.prefectureRomaji || localities[1] !== parsed.municipality.cityRomaji) {
      report("CRL_DP_MUNICIPALITY_MISMATCH", "the CRL distribution point names another municipality than the subject");
    }
  }
  if (parsed.ocspUrls.length === 0) {
    report("AIA_OCSP_MISSING", "no OCSP URL in authorityInfoAccess (the sandbox always adds one)", "warning");
  }
}

function checkIssuerAltName(certificate: x509.X509Certificate, report: LintContext["report"]): void {
  const ext = certificate.getExtension(OID.issuerAltName);
  if (!ext) {
    report("ISSUER_ALT_NAME_MISSING", `no issuerAltName DirName: C=JP, O=${ISSUER_ALT_NAME_ORGANIZATION}`);
    return;
  }
  const names = AsnConvert.parse(ext.value, GeneralNames);
  const ok = names.some((n) => {
    if (!n.directoryName) return false;
    const dn = new x509.Name(AsnConvert.serialize(n.directoryName));
    return nameValues(dn, "C")[0] === "JP" && nameValues(dn, "O")[0] === ISSUER_ALT_NAME_ORGANIZATION;
  });
  if (!ok) report("ISSUER_ALT_NAME_WRONG", `issuerAltName must be DirName: C=JP, O=${ISSUER_ALT_NAME_ORGANIZATION}`);
}

function checkCrlDistributionPoint(
  kind: "S" | "R",
  certificate: x509.X509Certificate,
  report: LintContext["report"],
): void {
  const ext = certificate.getExtension(OID.cRLDistributionPoints);
  if (!ext) {
    report("CRL_DP_MISSING", "no cRLDistributionPoints (a directoryName per municipality)");
    return;
  }
  const dps = AsnConvert.parse(ext.value, CRLDistributionPoints);
  const directoryNames = dps.flatMap((dp) =>
    (dp.distributionPoint?.fullName ?? []).flatMap((n) =>
      n.directoryName ? [new x509.Name(AsnConvert.serialize(n.directoryName))] : [],
    ),
  );
  const wellFormed = directoryNames.some((dn) => {
    const units = nameValues(dn, "OU");
    return (
      nameValues(dn, "C")[0] === "JP" &&
      nameValues(dn, "O").length === 1 &&
      units.length === 3 &&
      units[0] === CA_UNITS[kind] &&
      units[1] === "CRL Distribution Points" &&
      (nameValues(dn, "CN")[0] ?? "").endsWith(" CRLDP")
    );
  });
  if (!wellFormed) {
    report(
      "CRL_DP_SHAPE",
      `the CRL DP directoryName is C=JP, O=<O>, OU=${CA_UNITS[kind]}, OU=CRL Distribution Points, OU=<prefecture>, CN=<city> CRLDP`,
    );
  }
}
