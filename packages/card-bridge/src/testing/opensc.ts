/**
 * OpenSC's pkcs11-tool and openssl as a relying party would use them against the card in the vpcd reader.
 * JPKI tokens as OpenSC's pkcs15-jpki emulation shows them: slot index 0 is the user-authentication token
 * (R, key and certificate id 01), slot index 1 the digital-signature token (S, id 02). TEST ONLY.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runTool, type PcscTools, type ToolResult } from "./pcsc.js";

export const JPKI_TOKENS = {
  userAuth: { slotIndex: 0, id: "01", label: "JPKI (User Authentication PIN)" },
  signing: { slotIndex: 1, id: "02", label: "JPKI (Digital Signature PIN)" },
} as const;

export interface Pkcs11Session {
  /** `pkcs11-tool -L`. */
  listSlots(): Promise<ToolResult>;
  /** SHA256-RSA-PKCS over `data` with the token's key after C_Login with `pin`; the signature when it worked. */
  sign(token: keyof typeof JPKI_TOKENS, pin: string, data: Uint8Array): Promise<ToolResult & { signature?: Uint8Array }>;
  /** The token's certificate (DER); the S one needs the S PIN (EF 0001 is readable only after it). */
  readCertificate(token: keyof typeof JPKI_TOKENS, pin?: string): Promise<Uint8Array>;
  /** Removes the working directory. */
  dispose(): void;
}

export function pkcs11(tools: PcscTools): Pkcs11Session {
  const dir = mkdtempSync(path.join(tmpdir(), "jpki-pkcs11-"));
  let n = 0;
  const file = (name: string) => path.join(dir, `${++n}-${name}`);
  const tool = (args: string[]) => runTool(tools.pkcs11Tool, ["--module", tools.pkcs11Module, ...args]);
  return {
    listSlots: () => tool(["-L"]),
    async sign(token, pin, data) {
      const { slotIndex, id } = JPKI_TOKENS[token];
      const input = file("data.bin");
      const output = file("signature.bin");
      writeFileSync(input, data);
      const result = await tool(["--slot-index", String(slotIndex), "--login", "--pin", pin, "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", id, "-i", input, "-o", output]);
      return result.code === 0 ? { ...result, signature: new Uint8Array(readFileSync(output)) } : result;
    },
    async readCertificate(token, pin) {
      const { slotIndex, id } = JPKI_TOKENS[token];
      const output = file("certificate.der");
      const login = pin === undefined ? [] : ["--login", "--pin", pin];
      const result = await tool(["--slot-index", String(slotIndex), ...login, "--read-object", "--type", "cert", "--id", id, "-o", output]);
      if (result.code !== 0) throw new Error(`pkcs11-tool could not read the ${token} certificate: ${result.stderr.trim()}`);
      return new Uint8Array(readFileSync(output));
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `openssl dgst -sha256 -verify <public key of the certificate> -signature S data`: "Verified OK" on success. */
export async function openSslVerify(tools: PcscTools, input: { certificate: Uint8Array; data: Uint8Array; signature: Uint8Array }): Promise<ToolResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "jpki-openssl-"));
  try {
    const at = (name: string) => path.join(dir, name);
    writeFileSync(at("cert.der"), input.certificate);
    writeFileSync(at("data.bin"), input.data);
    writeFileSync(at("sig.bin"), input.signature);
    const key = await runTool(tools.openssl, ["x509", "-inform", "DER", "-in", at("cert.der"), "-pubkey", "-noout", "-out", at("key.pem")]);
    if (key.code !== 0) return key;
    return await runTool(tools.openssl, ["dgst", "-sha256", "-verify", at("key.pem"), "-signature", at("sig.bin"), at("data.bin")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
