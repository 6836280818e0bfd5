import { beforeAll, describe, expect, it } from "vitest";
import { x509 } from "../crypto/x509-library.js";
import type { JpkiErrorCode } from "../errors.js";
import { caFixture, sandboxFixture, type CaFixture, type SandboxFixture } from "../test-support/fixtures.js";
import { createCertId } from "./cert-id.js";
import { buildOcspRequest } from "./request.js";
import { buildOcspResponse, buildOcspErrorResponse, type OcspSigner } from "./response-builder.js";
import { verifyOcspResponse, type VerifyOcspResponseOptions } from "./response-verify.js";
import { createOcspResponder } from "../ca/certification-authority.js";
import { generateRsaKeyPair } from "../crypto/keys.js";
import { OID } from "../oids.js";

const at = new Date("2026-05-01T12:00:00Z");
const thisUpdate = new Date("2026-05-01T11:00:00Z");
const nextUpdate = new Date("2026-05-02T11:00:00Z");

let f: SandboxFixture;
let stranger: CaFixture;
let serial: string;

beforeAll(async () => {
  f = await sandboxFixture();
  stranger = await caFixture("S");
  serial = f.hanakoS.certificate.serialNumber;
});

async function response(
  options: { signer?: OcspSigner; nonce?: Uint8Array<ArrayBuffer>; serial?: string; issuer?: x509.X509Certificate; next?: Date | null; thisUpdate?: Date } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const certId = await createCertId(options.issuer ?? f.S.ca.certificate, options.serial ?? serial);
  return buildOcspResponse({
    signer: options.signer ?? f.S.responder,
    producedAt: thisUpdate,
    ...(options.nonce ? { nonce: options.nonce } : {}),
    responses: [
      {
        certId,
        status: "revoked",
        revokedAt: new Date("2026-04-20T00:00:00Z"),
        reason: "keyCompromise",
        thisUpdate: options.thisUpdate ?? thisUpdate,
        ...(options.next === null ? {} : { nextUpdate: options.next ?? nextUpdate }),
      },
    ],
  });
}

async function expectCode(der: Uint8Array<ArrayBuffer>, options: Partial<VerifyOcspResponseOptions>, code: JpkiErrorCode) {
  await expect(verifyOcspResponse(der, { issuer: f.S.ca.certificate, at, ...options })).rejects.toMatchObject({ code });
}

describe("OCSP response verification", () => {
  it("accepts a delegated responder's answer and returns the SingleResponse asked about", async () => {
    const built = await buildOcspRequest({ issuer: f.S.ca.certificate, serialNumbers: [serial], nonce: true });
    const der = await response({ nonce: built.nonce! });
    const verified = await verifyOcspResponse(der, { issuer: f.S.ca.certificate, at, nonce: built.nonce!, serialNumber: serial });
    expect(verified.signedBy).toBe("delegated");
    expect(verified.responderCertificate?.serialNumber).toBe(f.S.responder.certificate.serialNumber);
    expect(verified.single).toMatchObject({ status: "revoked", reason: "keyCompromise", revokedAt: new Date("2026-04-20T00:00:00Z") });
    // By CertID too, and with a leading-zero serial.
    const byCertId = await verifyOcspResponse(der, { issuer: f.S.ca.certificate, at, certId: built.certIds[0]! });
    expect(byCertId.single?.status).toBe("revoked");
    await verifyOcspResponse(der, { issuer: f.S.ca.certificate, at, serialNumber: `00${serial}` });
  });

  it("accepts a response signed by the CA itself", async () => {
    const verified = await verifyOcspResponse(await response({ signer: f.S.ca }), { issuer: f.S.ca.certificate, at });
    expect(verified.signedBy).toBe("issuer");
    expect(verified.responderCertificate).toBeUndefined();
  });

  it("OCSP_RESPONSE_UNSUCCESSFUL for an error status", async () => {
    await expectCode(buildOcspErrorResponse("tryLater"), {}, "OCSP_RESPONSE_UNSUCCESSFUL");
  });

  it("OCSP_RESPONSE_SIGNATURE_INVALID when a byte of the signature is flipped", async () => {
    const der = await response();
    // The signature BIT STRING (256 octets) ends just before the [0] certs field.
    const certsAt = Buffer.from(der).lastIndexOf(Buffer.from(new Uint8Array(f.S.responder.certificate.rawData)));
    const tampered = Uint8Array.from(der);
    tampered[certsAt - 10]! ^= 0x01;
    await expectCode(tampered, {}, "OCSP_RESPONSE_SIGNATURE_INVALID");
  });

  it("OCSP_RESPONSE_SIGNATURE_INVALID when the signed data is altered", async () => {
    const der = await response();
    const tampered = Uint8Array.from(der);
    const reasonAt = Buffer.from(der).indexOf(Buffer.from("a0030a0101", "hex")); // [0] CRLReason keyCompromise
    tampered[reasonAt + 4] = 0x05;
    await expectCode(tampered, {}, "OCSP_RESPONSE_SIGNATURE_INVALID");
  });

  it("OCSP_RESPONDER_UNAUTHORIZED for another CA's responder, the R responder, or a certificate without OCSPSigning", async () => {
    await expectCode(await response({ signer: stranger.responder }), {}, "OCSP_RESPONDER_UNAUTHORIZED");
    await expectCode(await response({ signer: f.R.responder }), {}, "OCSP_RESPONDER_UNAUTHORIZED");
    await expectCode(await response({ signer: stranger.ca }), {}, "OCSP_RESPONDER_UNAUTHORIZED");
    // Issued by the right CA, but an end-entity certificate (花子's S key and cert) — no id-kp-OCSPSigning.
    await expectCode(
      await response({ signer: { certificate: f.hanakoS.certificate, privateKey: f.hanakoS.keys.privateKey } }),
      {},
      "OCSP_RESPONDER_UNAUTHORIZED",
    );
    // A responder certificate outside its validity.
    const expired = await createOcspResponder(f.S.ca, { notBefore: new Date("2020-01-01T00:00:00Z"), validityYears: 1 });
    await expectCode(await response({ signer: expired }), {}, "OCSP_RESPONDER_UNAUTHORIZED");
  });

  it("OCSP_RESPONDER_UNAUTHORIZED for a responder certificate with the CA's name but not its signature", async () => {
    const keys = await generateRsaKeyPair();
    const forged = await x509.X509CertificateGenerator.create({
      serialNumber: "0abc",
      issuer: f.S.ca.certificate.subjectName,
      subject: f.S.responder.certificate.subjectName,
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2030-01-01T00:00:00Z"),
      publicKey: keys.publicKey,
      signingKey: stranger.ca.privateKey,
      signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      extensions: [new x509.ExtendedKeyUsageExtension([OID.kpOcspSigning])],
    });
    await expectCode(await response({ signer: { certificate: forged, privateKey: keys.privateKey } }), {}, "OCSP_RESPONDER_UNAUTHORIZED");
  });

  it("OCSP_NONCE_MISMATCH when the nonce is missing or different", async () => {
    const sent = (await buildOcspRequest({ issuer: f.S.ca.certificate, serialNumbers: [serial], nonce: true })).nonce!;
    const other = (await buildOcspRequest({ issuer: f.S.ca.certificate, serialNumbers: [serial], nonce: true })).nonce!;
    await expectCode(await response(), { nonce: sent }, "OCSP_NONCE_MISMATCH");
    await expectCode(await response({ nonce: other }), { nonce: sent }, "OCSP_NONCE_MISMATCH");
  });

  it("OCSP_CERT_ID_MISMATCH for another serial or another issuer's CertID", async () => {
    await expectCode(await response(), { serialNumber: "0badbeef" }, "OCSP_CERT_ID_MISMATCH");
    await expectCode(await response({ signer: f.S.ca, issuer: stranger.ca.certificate }), {}, "OCSP_CERT_ID_MISMATCH");
    await expectCode(await response({ signer: f.S.ca, issuer: stranger.ca.certificate }), { serialNumber: serial }, "OCSP_CERT_ID_MISMATCH");
  });

  it("OCSP_RESPONSE_NOT_CURRENT when stale, from the future, or too old without nextUpdate; skew tolerated", async () => {
    const der = await response();
    await expectCode(der, { at: new Date("2026-05-03T00:00:00Z") }, "OCSP_RESPONSE_NOT_CURRENT");
    await expectCode(der, { at: new Date("2026-05-01T10:00:00Z") }, "OCSP_RESPONSE_NOT_CURRENT");
    await verifyOcspResponse(der, { issuer: f.S.ca.certificate, at: new Date("2026-05-02T11:04:00Z") });
    await verifyOcspResponse(der, { issuer: f.S.ca.certificate, at: new Date("2026-05-01T10:56:00Z") });
    const noNext = await response({ next: null });
    await verifyOcspResponse(noNext, { issuer: f.S.ca.certificate, at: new Date("2027-01-01T00:00:00Z") });
    await expectCode(noNext, { at: new Date("2026-05-01T12:00:00Z"), maxAgeSeconds: 600 }, "OCSP_RESPONSE_NOT_CURRENT");
  });

  it("OCSP_RESPONSE_MALFORMED for garbage given to verify", async () => {
    await expectCode(new Uint8Array([1, 2, 3]), {}, "OCSP_RESPONSE_MALFORMED");
  });
});
