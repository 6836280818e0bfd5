/**
 * The messages a journey shows (the walkthrough's evidence) read back by openssl, an implementation
 * independent of ours: the signed application (CMS), the bank's OCSP request (nonce, serial) and J-LIS's
 * response (verified against the sandbox S root), and the login's signature over the challenge.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyView, StepView } from "../../shared/api-types.js";
import { startBankSandbox, type BankSandbox } from "../../test-support/test-sandbox.js";

function openssl(args: string[]): string {
  const result = spawnSync("openssl", args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`openssl ${args.join(" ")}: ${result.stderr}${result.stdout}`);
  return result.stdout + result.stderr;
}

let t: BankSandbox;
let dir: string;
let opened: JourneyView;
const file = (name: string, content: string | Uint8Array) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const messageOf = (journey: JourneyView, key: string) => Buffer.from((journey.steps.find((s: StepView) => s.key === key)?.message?.body ?? ""), "base64");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bank-interop-"));
  t = await startBankSandbox();
  opened = await t.openAccount((await t.issueCard()).id);
  expect(opened.status).toBe("completed");
});
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("journey messages, read by openssl", () => {
  it("the signed application verifies with `openssl cms -verify` against the S root and carries the document", async () => {
    const root = file("s-root.pem", Buffer.from(await (await fetch(`${t.jlis.url()}/ca/s.pem`)).arrayBuffer()));
    const cms = file("application.p7m", messageOf(opened, "signature"));
    const out = file("content.txt", "");
    const log = openssl(["cms", "-verify", "-inform", "DER", "-in", cms, "-CAfile", root, "-purpose", "any", "-out", out]);
    expect(log).toContain("Verification successful");
    const content = spawnSync("cat", [out], { encoding: "utf8" }).stdout;
    expect(content).toBe(opened.document);
  });

  it("the OCSP request carries a nonce and her S serial; the response verifies against the S root", async () => {
    const request = openssl(["ocsp", "-reqin", file("request.der", messageOf(opened, "ocspRequest")), "-req_text"]);
    expect(request).toMatch(/OCSP Nonce/);
    const serial = opened.link!.signingSerial.toUpperCase();
    expect(request.replace(/[\s:]/g, "").toUpperCase()).toContain(serial);
    const root = file("s-root.pem", Buffer.from(await (await fetch(`${t.jlis.url()}/ca/s.pem`)).arrayBuffer()));
    const response = openssl(["ocsp", "-respin", file("response.der", messageOf(opened, "ocspResponse")), "-resp_text", "-CAfile", root, "-no_nonce"]);
    expect(response).toContain("Response verify OK");
    expect(response).toContain("Cert Status: good");
  });
});
