/**
 * The profile linter: checks any certificate against every rule of JPKI.md and returns findings with
 * stable codes. Sandbox certificates lint clean; anything else says what makes it not a JPKI certificate.
 */
import { parseCertificate, type ParsedCertificate } from "../certificate/parse.js";
import { createContext, type LintRule } from "./context.js";
import type { LintFinding } from "./finding.js";
import { attributeRules } from "./rules/attributes.js";
import { distributionRules } from "./rules/distribution.js";
import { nameRules } from "./rules/names.js";
import { structureRules } from "./rules/structure.js";
import { usageAndPolicyRules } from "./rules/usage-and-policy.js";
import { validityRules } from "./rules/validity.js";

const RULES: readonly LintRule[] = [
  structureRules,
  usageAndPolicyRules,
  nameRules,
  attributeRules,
  distributionRules,
  validityRules,
];

export interface LintResult {
  parsed: ParsedCertificate;
  findings: LintFinding[];
  /** True when no finding is an error (warnings allowed). */
  clean: boolean;
}

/** Lints a PEM or DER certificate. Unreadable input throws CERTIFICATE_MALFORMED. */
export async function lintCertificate(input: string | BufferSource | ParsedCertificate): Promise<LintResult> {
  const parsed = isParsed(input) ? input : parseCertificate(input);
  const findings: LintFinding[] = [];
  const context = createContext(parsed, findings);
  for (const rule of RULES) {
    try {
      await rule(context);
    } catch (error) {
      // A rule that cannot even decode its extension is itself a finding, not a crash.
      context.report("EXTENSION_MALFORMED", `an extension could not be decoded: ${error instanceof Error ? error.message : error}`);
    }
  }
  return { parsed, findings, clean: findings.every((f) => f.severity !== "error") };
}

function isParsed(input: unknown): input is ParsedCertificate {
  return typeof input === "object" && input !== null && "certificate" in input && "kind" in input;
}
