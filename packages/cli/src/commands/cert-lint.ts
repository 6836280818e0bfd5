/** `jpki-sandbox cert lint FILE`: exit 0 clean, 1 with findings, 2 unreadable input. */
import { lintCertificate } from "@jpki-sandbox/jpki-core";
import { readInputFile } from "../files.js";
import { EXIT, type CliIo } from "../io.js";

export async function certLint(file: string, options: { json?: boolean }, io: CliIo): Promise<number> {
  const { parsed, findings } = await lintCertificate(readInputFile(file, "certificate file"));
  if (options.json) {
    io.out(JSON.stringify({ kind: parsed.kind, serialNumber: parsed.serialNumber, findings }, null, 2));
  } else if (findings.length === 0) {
    io.out(`${file}: ${parsed.kind} certificate, no findings — follows the JPKI profile`);
  } else {
    io.out(`${file}: ${findings.length} finding(s)`);
    for (const f of findings) io.out(`  ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
  }
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}
