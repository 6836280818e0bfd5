/** `jpki-sandbox cert show FILE`: a certificate in words, with the four attributes decoded. */
import { bytesToHex, parseCertificate, sha256, type ParsedCertificate } from "@jpki-sandbox/jpki-core";
import { readInputFile } from "../files.js";
import type { CliIo } from "../io.js";

const KIND_LABELS = {
  S: "S — 署名用電子証明書 (signing certificate)",
  R: "R — 利用者証明用電子証明書 (user-authentication certificate)",
  other: "not a JPKI end-entity certificate",
} as const;

const SEX_LABELS = { male: "1 (male)", female: "2 (female)", unspecified: "3 (unspecified)" } as const;

export async function certShow(file: string, options: { json?: boolean }, io: CliIo): Promise<void> {
  const parsed = parseCertificate(readInputFile(file, "certificate file"));
  const fingerprint = bytesToHex(await sha256(parsed.der)).toUpperCase();
  if (options.json) {
    const { certificate: _c, der: _d, ...rest } = parsed;
    io.out(JSON.stringify({ ...rest, sha256Fingerprint: fingerprint }, null, 2));
    return;
  }
  for (const line of describe(parsed, fingerprint)) io.out(line);
}

function describe(p: ParsedCertificate, fingerprint: string): string[] {
  const lines = [
    `Kind:          ${KIND_LABELS[p.kind]}`,
    `Serial:        ${p.serialNumber} (decimal ${p.serialNumberDecimal})`,
    `Subject:       ${p.subject}`,
    `Issuer:        ${p.issuer}`,
    `Not before:    ${p.notBefore.toISOString()}`,
    `Not after:     ${p.notAfter.toISOString()}`,
    `Policies:      ${p.policies.join(", ") || "(none)"}${p.signingPolicy === "test" ? " (test policy)" : ""}`,
  ];
  if (p.attributes) {
    const a = p.attributes;
    lines.push(
      "Four attributes (基本4情報):",
      `  Name 氏名:            ${a.name}`,
      `  Date of birth 生年月日: ${a.dateOfBirth ?? "unknown"} (${a.dateOfBirthEra})`,
      `  Sex 性別:             ${SEX_LABELS[a.sex]}`,
      `  Address 住所:         ${a.address}`,
      `  Name substitutes:     ${a.nameSubstitutePositions}`,
      `  Address substitutes:  ${a.addressSubstitutePositions}`,
    );
  } else if (p.attributesError) {
    lines.push(`Four attributes: unreadable — ${p.attributesError}`);
  } else if (p.kind === "R") {
    lines.push("Four attributes: none (an R certificate carries no personal data)");
  }
  if (p.municipality) lines.push(`CRL DP:        ${p.municipality.prefectureRomaji} / ${p.municipality.cityRomaji}`);
  if (p.ocspUrls.length > 0) lines.push(`OCSP:          ${p.ocspUrls.join(", ")}`);
  lines.push(`SHA-256:       ${fingerprint}`);
  return lines;
}
