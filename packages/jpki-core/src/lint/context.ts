import type { ParsedCertificate } from "../certificate/parse.js";
import type { x509 } from "../crypto/x509-library.js";
import type { LintCode, LintFinding, LintSeverity } from "./finding.js";

/** What every rule receives: the parsed certificate and a way to report. */
export interface LintContext {
  parsed: ParsedCertificate;
  certificate: x509.X509Certificate;
  report(code: LintCode, message: string, severity?: LintSeverity): void;
}

export type LintRule = (context: LintContext) => void | Promise<void>;

export function createContext(parsed: ParsedCertificate, findings: LintFinding[]): LintContext {
  return {
    parsed,
    certificate: parsed.certificate,
    report: (code, message, severity = "error") => findings.push({ code, severity, message }),
  };
}
