/**
 * OCSP against OpenSSL 3 (an implementation independent of ours): `openssl ocsp` accepts our requests and
 * responses, and jpki-core verifies what OpenSSL's own responder (`-index`) signs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding/pem.js";
import { randomSerialNumber } from "../profile/serial-number.js";
import { sandboxFixture, tempDir, writeKeyPem, writePem, type SandboxFixture } from "../test-support/fixtures.js";
import { openssl, opensslOk } from "../test-support/openssl.js";
import { createCertId } from "./cert-id.js";
import { buildOcspRequest } from "./request.js";
import { parseOcspRequest } from "./request-parser.js";
import { buildOcspResponse, type OcspCertStatus } from "./response-builder.js";
import { parseOcspResponse } from "./response-parser.js";
import { verifyOcspResponse } from "./response-verify.js";

let f: SandboxFixture;
let dir: string;
let caPem: string;
let certPem: string;
let serial: string;

beforeAll(async () => {
  f = await sandboxFixture();
  dir = tempDir("jpki-ocsp-");
  caPem = writePem(dir, "ca.pem", f.S.ca.certificate);
  certPem = writePem(dir, "hanako-s.pem", f.hanakoS.certificate);
  serial = f.hanakoS.certificate.serialNumber;
});

/** Times around the real clock: openssl checks thisUpdate/nextUpdate against it (5 min leeway). */
function window(): { thisUpdate: Date; nextUpdate: Date } {
  const thisUpdate = new Date(Date.now() - 60_000);
  return { thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + 86_400_000) };
}

async function ourResponse(status: OcspCertStatus, nonce?: Uint8Array<ArrayBuffer>, certSerial = serial) {
  const certId = await createCertId(f.S.ca.certificate, certSerial);
  return buildOcspResponse({
    signer: f.S.responder,
    responses: [{ certId, ...window(), ...status }],
    ...(nonce ? { nonce } : {}),
  });
}

function write(name: string, der: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, der);
  return path;
}

describe("openssl ocsp reads jpki-core's OCSP", () => {
  it("computes the same issuer hashes as `openssl x509 -ocspid`", async () => {
    const certId = await createCertId(f.S.ca.certificate, serial);
    const out = opensslOk(["x509", "-noout", "-ocspid", "-in", caPem]).stdout.replace(/\s/g, "").toLowerCase();
    expect(out).toContain(bytesToHex(certId.issuerNameHash));
    expect(out).toContain(bytesToHex(certId.issuerKeyHash));
  });

  it("verifies a good response from the delegated responder", async () => {
    const resp = write("good.der", await ourResponse({ status: "good" }));
    const result = opensslOk(["ocsp", "-respin", resp, "-CAfile", caPem, "-issuer", caPem, "-serial", `0x${serial}`]);
    expect(result.stderr).toContain("Response verify OK");
    expect(result.stdout).toMatch(new RegExp(`0x${serial}: good`, "i"));
  });

  it("verifies a revoked response and prints the reason and time", async () => {
    const revokedAt = new Date("2026-06-01T02:03:04Z");
    const resp = write("revoked.der", await ourResponse({ status: "revoked", revokedAt, reason: "affiliationChanged" }));
    const result = opensslOk(["ocsp", "-respin", resp, "-CAfile", caPem, "-issuer", caPem, "-cert", certPem, "-resp_text"]);
    expect(result.stderr).toContain("Response verify OK");
    expect(result.stdout).toMatch(/: revoked/);
    expect(result.stdout).toContain("Reason: affiliationChanged");
    expect(result.stdout).toContain("Revocation Time: Jun  1 02:03:04 2026 GMT");
    expect(result.stdout).toContain("Responder Id: "); // byKey, printed as a hash
    expect(result.stdout).toContain("Version: 1 (0x0)"); // printed for the DEFAULT (not encoded: see builder test)
  });

  it("verifies an unknown response", async () => {
    const other = randomSerialNumber();
    const resp = write("unknown.der", await ourResponse({ status: "unknown" }, undefined, other));
    const result = opensslOk(["ocsp", "-respin", resp, "-CAfile", caPem, "-issuer", caPem, "-serial", `0x${other}`]);
    expect(result.stdout).toMatch(/: unknown/);
  });

  it("finds our echo of its own nonce (request made by openssl, parsed by us)", async () => {
    const reqPath = join(dir, "openssl-req.der");
    opensslOk(["ocsp", "-issuer", caPem, "-cert", certPem, "-reqout", reqPath]);
    const request = parseOcspRequest(readFileSync(reqPath));
    expect(request.certIds[0]!.serialNumber).toBe(serial.toLowerCase());
    expect(request.nonceValue).toBeDefined();
    const certId = request.certIds[0]!;
    const resp = write(
      "echo.der",
      await buildOcspResponse({ signer: f.S.responder, nonce: request.nonce!, responses: [{ certId, status: "good", ...window() }] }),
    );
    const ok = opensslOk(["ocsp", "-reqin", reqPath, "-respin", resp, "-CAfile", caPem]);
    expect(ok.stderr).toContain("Response verify OK");
    expect(`${ok.stdout}${ok.stderr}`).not.toMatch(/nonce/i);
    // Control: a different nonce is caught by openssl.
    const wrong = write(
      "wrong-nonce.der",
      await buildOcspResponse({
        signer: f.S.responder,
        nonce: new Uint8Array([0x04, 0x02, 0xde, 0xad]),
        responses: [{ certId, status: "good", ...window() }],
      }),
    );
    const bad = openssl(["ocsp", "-reqin", reqPath, "-respin", wrong, "-CAfile", caPem]);
    expect(`${bad.stdout}${bad.stderr}`).toMatch(/nonce verify error/i);
  });

  it("parses openssl's signed request (requestorName, optionalSignature, two CertIDs) and its SHA-256 CertIDs", async () => {
    const reqPath = join(dir, "openssl-signed-req.der");
    const signerKey = writeKeyPem(dir, "signer.key.pem", f.S.responder.privateKey);
    const signerCert = writePem(dir, "signer.pem", f.S.responder.certificate);
    opensslOk(["ocsp", "-issuer", caPem, "-cert", certPem, "-serial", "0x0123456789", "-signer", signerCert, "-signkey", await signerKey, "-reqout", reqPath]);
    const request = parseOcspRequest(readFileSync(reqPath));
    expect(request.signed).toBe(true);
    expect(request.certIds.map((id) => id.serialNumber)).toEqual([serial.toLowerCase(), "0123456789"]);
    expect(request.nonceValue).toBeDefined();

    const sha256Path = join(dir, "openssl-sha256-req.der");
    opensslOk(["ocsp", "-issuer", caPem, "-sha256", "-cert", certPem, "-no_nonce", "-reqout", sha256Path]); // -sha256 applies to the -cert after it
    const sha256 = parseOcspRequest(readFileSync(sha256Path));
    expect(sha256.certIds[0]).toEqual(await createCertId(f.S.ca.certificate, serial, "SHA-256"));
    expect(sha256.nonce).toBeUndefined();
  });

  it("reads our request with its RFC 8954 nonce", async () => {
    const built = await buildOcspRequest({ issuer: f.S.ca.certificate, serialNumbers: [serial], nonce: true });
    const text = opensslOk(["ocsp", "-reqin", write("our-req.der", built.der), "-req_text", "-noverify"]).stdout;
    expect(text).toContain(`Serial Number: ${serial.toUpperCase()}`);
    expect(text).toContain("OCSP Nonce:");
    expect(text.replace(/[\s:]/g, "").toLowerCase()).toContain(bytesToHex(built.nonce!));
  });
});

describe("jpki-core verifies OpenSSL's responder", () => {
  const expiry = "361231235959Z"; // index.txt expiry column (YYMMDDHHMMSSZ)

  it("good, revoked with reason and time, unknown; nonce echoed", async () => {
    const revokedSerial = randomSerialNumber();
    const unknownSerial = randomSerialNumber();
    const index = [
      ["V", expiry, "", serial.toUpperCase(), "unknown", f.hanakoS.certificate.subject],
      ["R", expiry, "260601020304Z,keyCompromise", revokedSerial.toUpperCase(), "unknown", "/CN=revoked"],
    ]
      .map((fields) => fields.join("\t"))
      .join("\n");
    const indexPath = join(dir, "index.txt");
    writeFileSync(indexPath, `${index}\n`);
    const responderPem = writePem(dir, "responder.pem", f.S.responder.certificate);
    const responderKey = await writeKeyPem(dir, "responder.key", f.S.responder.privateKey);

    const built = await buildOcspRequest({
      issuer: f.S.ca.certificate,
      serialNumbers: [serial, revokedSerial, unknownSerial],
      nonce: true,
    });
    const respPath = join(dir, "openssl-resp.der");
    opensslOk([
      "ocsp", "-index", indexPath, "-rsigner", responderPem, "-rkey", responderKey, "-CA", caPem,
      "-reqin", write("multi-req.der", built.der), "-respout", respPath, "-ndays", "1",
    ]);
    const der = readFileSync(respPath);
    const parsed = parseOcspResponse(der);
    expect(parsed.responseStatus).toBe("successful");

    const verify = (serialNumber: string) =>
      verifyOcspResponse(parsed, { issuer: f.S.ca.certificate, nonce: built.nonce!, serialNumber });
    const good = await verify(serial);
    expect(good.signedBy).toBe("delegated");
    expect(good.single).toMatchObject({ status: "good" });
    expect(good.single!.nextUpdate!.getTime() - good.single!.thisUpdate.getTime()).toBe(86_400_000);
    expect((await verify(revokedSerial)).single).toMatchObject({
      status: "revoked",
      reason: "keyCompromise",
      reasonCode: 1,
      revokedAt: new Date("2026-06-01T02:03:04Z"),
    });
    expect((await verify(unknownSerial)).single).toMatchObject({ status: "unknown" });
    await expect(verifyOcspResponse(parsed, { issuer: f.R.ca.certificate })).rejects.toMatchObject({
      code: "OCSP_RESPONDER_UNAUTHORIZED",
    });
  });
});
