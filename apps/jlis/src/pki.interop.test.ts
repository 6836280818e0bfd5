/**
 * OpenSSL against a running jlis: its OCSP client and CRL checks must agree with jlis before and after a
 * revocation (issue 4 "Done when").
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestJlis, type IssuedTestCard, type TestJlis } from "./test-support/test-jlis.js";

const run = promisify(execFile);
const openssl = async (...args: string[]) => {
  const { stdout, stderr } = await run("openssl", args);
  return stdout + stderr;
};

let t: TestJlis;
let hanako: IssuedTestCard;
const dir = mkdtempSync(path.join(tmpdir(), "jlis-interop-"));
const file = (name: string, content: string | Uint8Array) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

beforeAll(async () => {
  t = await startTestJlis();
  hanako = await t.issueCard();
  for (const kind of ["s", "r"]) file(`${kind}-ca.pem`, await (await t.call(`/ca/${kind}.pem`)).text());
  file("s.pem", hanako.sPem);
  file("r.pem", hanako.rPem);
});
afterAll(() => t?.stop());

const ocspStatus = (kind: "s" | "r") =>
  openssl("ocsp", "-issuer", path.join(dir, `${kind}-ca.pem`), "-cert", path.join(dir, `${kind}.pem`), "-url", `${t.url}/ocsp/${kind}`, "-CAfile", path.join(dir, `${kind}-ca.pem`), "-no_nonce", "-resp_text");

async function fetchCrl(urlPath: string, name: string) {
  const response = await t.call(urlPath);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pkix-crl");
  return file(name, new Uint8Array(await response.arrayBuffer()));
}

describe("openssl and jlis agree", () => {
  it("openssl verifies both chains against the CA certificates jlis publishes", async () => {
    expect(await openssl("verify", "-CAfile", path.join(dir, "s-ca.pem"), path.join(dir, "s.pem"))).toContain(": OK");
    expect(await openssl("verify", "-CAfile", path.join(dir, "r-ca.pem"), path.join(dir, "r.pem"))).toContain(": OK");
    const der = new Uint8Array(await (await t.call("/ca/s.cer")).arrayBuffer());
    expect(await openssl("x509", "-inform", "DER", "-in", file("s-ca.cer", der), "-noout", "-subject")).toContain("JPKI-SANDBOX");
  });

  it("OCSP: good, then revoked with the reason after a revocation, for S and R", async () => {
    const before = await ocspStatus("s");
    expect(before).toContain("Response verify OK");
    expect(before).toMatch(/s\.pem: good/);
    expect(await ocspStatus("r")).toMatch(/r\.pem: good/);

    const revoke = await t.call(`/admin/api/certificates/${hanako.sSerial}/revoke`, { auth: t.adminAuth, json: { reason: "keyCompromise" } });
    expect(revoke.status).toBe(200);
    const after = await ocspStatus("s");
    expect(after).toContain("Response verify OK");
    expect(after).toMatch(/s\.pem: revoked/);
    expect(after).toMatch(/Reason: keyCompromise/);
    expect(await ocspStatus("r")).toMatch(/r\.pem: good/);
  });

  it("OCSP with a nonce: openssl gets its nonce back (request and response files)", async () => {
    const request = path.join(dir, "nonce.req");
    await openssl("ocsp", "-issuer", path.join(dir, "r-ca.pem"), "-cert", path.join(dir, "r.pem"), "-reqout", request);
    const response = await fetch(`${t.url}/ocsp/r`, { method: "POST", headers: { "content-type": "application/ocsp-request" }, body: readFileSync(request) });
    expect(response.headers.get("content-type")).toBe("application/ocsp-response");
    const respin = file("nonce.resp", new Uint8Array(await response.arrayBuffer()));
    const out = await openssl("ocsp", "-reqin", request, "-respin", respin, "-CAfile", path.join(dir, "r-ca.pem"), "-resp_text");
    expect(out).toContain("Response verify OK");
    expect(out).toContain("OCSP Nonce");
    expect(out).not.toMatch(/WARNING: no nonce|nonce verify error/i);
  });

  it("CRLs: complete and municipal verify with openssl and list the revoked serial; openssl -crl_check agrees", async () => {
    const full = await fetchCrl("/crl/s.crl", "s.crl");
    const text = await openssl("crl", "-inform", "DER", "-in", full, "-CAfile", path.join(dir, "s-ca.pem"), "-noout", "-text");
    expect(text).toContain("verify OK");
    expect(text.toLowerCase()).toContain(hanako.sSerial.toLowerCase());
    expect(text).toContain("Key Compromise");

    const municipal = await fetchCrl("/crl/s/Tokyo-to/Chiyoda-ku.crl", "s-chiyoda.crl");
    const municipalText = await openssl("crl", "-inform", "DER", "-in", municipal, "-CAfile", path.join(dir, "s-ca.pem"), "-noout", "-text");
    expect(municipalText).toContain("verify OK");
    expect(municipalText).toMatch(/Issuing Distribution Point: critical/);
    expect(municipalText).toContain("Chiyoda-ku CRLDP");
    expect(municipalText.toLowerCase()).toContain(hanako.sSerial.toLowerCase());

    const pem = file("s-chiyoda.crl.pem", await openssl("crl", "-inform", "DER", "-in", municipal));
    await expect(openssl("verify", "-crl_check", "-CAfile", path.join(dir, "s-ca.pem"), "-CRLfile", pem, path.join(dir, "s.pem"))).rejects.toThrow(/certificate revoked/);
    const rCrl = await fetchCrl("/crl/r/Tokyo-to/Chiyoda-ku.crl", "r-chiyoda.crl");
    const rPem = file("r-chiyoda.crl.pem", await openssl("crl", "-inform", "DER", "-in", rCrl));
    expect(await openssl("verify", "-crl_check", "-CAfile", path.join(dir, "r-ca.pem"), "-CRLfile", rPem, path.join(dir, "r.pem"))).toContain(": OK");
  });

  it("CRL numbers only grow; an unknown municipality has no CRL", async () => {
    const number = async () => {
      const crl = await fetchCrl("/crl/r.crl", "r.crl");
      return Number(/X509v3 CRL Number:\s*\n\s*(\d+)/.exec(await openssl("crl", "-inform", "DER", "-in", crl, "-noout", "-text"))?.[1]);
    };
    const first = await number();
    const other = await t.issueCard();
    await t.call(`/api/v1/cards/${other.cardId}/loss`, { auth: t.counterAuth, method: "POST" });
    expect(await number()).toBeGreaterThan(first);
    const unknown = await t.call("/crl/s/Hokkaido/Nowhere-shi.crl");
    expect(unknown.status).toBe(404);
  });
});
