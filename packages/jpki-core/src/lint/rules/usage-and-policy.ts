/** keyUsage and certificatePolicies (JPKI.md table rows "keyUsage (critical)" and "certificatePolicies"). */
import { x509 } from "../../crypto/x509-library.js";
import { OID } from "../../oids.js";
import type { LintContext } from "../context.js";

const S_USAGE = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
const R_USAGE = x509.KeyUsageFlags.digitalSignature;

export function usageAndPolicyRules({ parsed, certificate, report }: LintContext): void {
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  if (!usage) {
    report("KEY_USAGE_MISSING", "no keyUsage extension");
  } else {
    if (!usage.critical) report("KEY_USAGE_NOT_CRITICAL", "keyUsage must be critical");
    if (parsed.kind === "S" && usage.usages !== S_USAGE) {
      report("KEY_USAGE_WRONG", "an S certificate's keyUsage is exactly digitalSignature and nonRepudiation");
    }
    if (parsed.kind === "R" && usage.usages !== R_USAGE) {
      report("KEY_USAGE_WRONG", "an R certificate's keyUsage is exactly digitalSignature");
    }
  }
  const expected =
    parsed.kind === "S" ? [OID.signingPolicyTest, OID.signingPolicyProduction] : parsed.kind === "R" ? [OID.userAuthPolicy] : [];
  if (parsed.kind === "other" || !parsed.policies.some((p) => (expected as string[]).includes(p))) {
    report("POLICY_MISSING", `no JPKI certificate policy (${parsed.kind === "R" ? OID.userAuthPolicy : OID.signingPolicyTest})`);
  }
  if (parsed.policies.includes(OID.signingPolicyProduction)) {
    report(
      "POLICY_PRODUCTION_IN_SANDBOX",
      `production policy ${OID.signingPolicyProduction}: a sandbox certificate uses the test policy ${OID.signingPolicyTest}`,
      "warning",
    );
  }
}
