/**
 * The decoders against real DER made by jpki-core: 花子's S certificate from a sandbox S CA, an OCSPRequest
 * for it, a revoked (affiliationChanged) OCSPResponse from the delegated responder, and a CMS SignedData she
 * signs; then garbage, which must give an error and never throw.
 */
import type {
  x509} from "@jpki-sandbox/jpki-core";
import {
  buildOcspErrorResponse,
  buildOcspRequest,
  buildOcspResponse,
  createCertificationAuthority,
  createOcspResponder,
  createSoftwareSigner,
  generateRsaKeyPair,
  HANAKO,
  issueSigningCertificate,
  OID,
  signCms,
  type BuiltOcspRequest,
  type CertificationAuthority,
  type OcspResponder
} from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeCms } from "./decode-cms.js";
import { decodeDer, derKindOf } from "./decode-message.js";
import { decodeCertificate, decodeOcspRequest, decodeOcspResponse } from "./decode-pki.js";

const ISSUED_AT = new Date("2026-04-01T01:00:00Z");
const DOCUMENT = "口座開設申込書 / account application: 総務　花子";

let ca: CertificationAuthority;
let responder: OcspResponder;
let certificate: x509.X509Certificate;
let request: BuiltOcspRequest;
let revokedResponse: Uint8Array;
let cms: Uint8Array;

beforeAll(async () => {
  ca = await createCertificationAuthority({ kind: "S", notBefore: new Date("2025-01-01T00:00:00Z") });
  responder = await createOcspResponder(ca, { notBefore: new Date("2025-01-01T00:00:00Z") });
  const keys = await generateRsaKeyPair();
  ({ certificate } = await issueSigningCertificate({ ca, publicKey: keys.publicKey, persona: HANAKO, issuedAt: ISSUED_AT, serialNumber: "0a1b2c3d" }));
  request = await buildOcspRequest({ issuer: ca.certificate, serialNumbers: ["0a1b2c3d"], nonce: new Uint8Array(32).fill(0x5a) });
  revokedResponse = await buildOcspResponse({
    signer: responder,
    responses: [{ certId: request.certIds[0]!, status: "revoked", revokedAt: new Date("2026-05-01T00:00:00Z"), reason: "affiliationChanged", thisUpdate: new Date("2026-05-02T00:00:00Z"), nextUpdate: new Date("2026-05-03T00:00:00Z") }],
    producedAt: new Date("2026-05-02T00:00:00Z"),
    nonce: request.nonce!,
  });
  cms = await signCms({ content: new TextEncoder().encode(DOCUMENT), signerCertificate: certificate, signer: await createSoftwareSigner(keys.privateKey), signingTime: new Date("2026-04-02T03:04:05Z"), extraCertificates: [ca.certificate] });
}, 60_000);

const GARBAGE: ReadonlyArray<[string, Uint8Array]> = [
  ["empty", new Uint8Array()],
  ["random bytes", new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01])],
  ["a truncated SEQUENCE", new Uint8Array([0x30, 0x82, 0x05, 0x00, 0x02, 0x01])],
  ["an INTEGER", new Uint8Array([0x02, 0x01, 0x05])],
  ["an empty SEQUENCE", new Uint8Array([0x30, 0x00])],
];

describe("decodeCertificate", () => {
  it("reads 花子's S certificate: kind, serial, issuer, validity and the four attributes from the SAN", () => {
    const decoded = decodeCertificate(new Uint8Array(certificate.rawData));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value).toMatchObject({ kind: "S", serialNumber: "0a1b2c3d", serialNumberDecimal: "169552957", issuer: ca.certificate.subject, isCa: false });
    expect(decoded.value.subject).toMatch(/^C=JP, L=Tokyo-to, L=Chiyoda-ku, CN=\d{14}\d{5}131016001$/);
    expect(decoded.value.policies).toEqual([OID.signingPolicyTest]);
    expect(decoded.value.notBefore).toBe(ISSUED_AT.toISOString());
    expect(decoded.value.attributes).toMatchObject({ name: HANAKO.name, dateOfBirth: "2010-03-31", sex: "female", address: HANAKO.address });
  });
});

describe("decodeOcspRequest", () => {
  it("reads the CertID (SHA-1 hashes of the issuer, the serial) and the nonce", () => {
    const decoded = decodeOcspRequest(request.der);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.certIds).toHaveLength(1);
    expect(decoded.value.certIds[0]).toMatchObject({ hashAlgorithm: `sha1 (${OID.sha1})`, serialNumber: "0a1b2c3d" });
    expect(decoded.value.certIds[0]!.issuerNameHash).toMatch(/^[0-9a-f]{40}$/);
    expect(decoded.value.certIds[0]!.issuerKeyHash).toMatch(/^[0-9a-f]{40}$/);
    expect(decoded.value.nonce).toBe("5a".repeat(32));
    expect(decoded.value.signed).toBe(false);
  });
});

describe("decodeOcspResponse", () => {
  it("reads revoked (affiliationChanged) with its time, thisUpdate/nextUpdate, the responder and the echoed nonce", () => {
    const decoded = decodeOcspResponse(revokedResponse);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const value = decoded.value;
    expect(value.responseStatus).toBe("successful");
    expect(value.responderId).toMatch(/^byKey: [0-9a-f]{40}$/);
    expect(value.producedAt).toBe("2026-05-02T00:00:00.000Z");
    expect(value.nonce).toBe("5a".repeat(32));
    expect(value.certificates).toEqual([responder.certificate.subject]);
    expect(value.signatureAlgorithm).toBe(`sha256WithRSAEncryption (${OID.sha256WithRSAEncryption})`);
    expect(value.responses).toHaveLength(1);
    const single = value.responses[0]!;
    expect(single).toMatchObject({ certStatus: "revoked", revocationReason: "affiliationChanged" });
    expect(single.certId.serialNumber).toBe("0a1b2c3d");
    expect(single.revocationTime).toBe("2026-05-01T00:00:00.000Z");
    expect(single.thisUpdate).toBe("2026-05-02T00:00:00.000Z");
    expect(single.nextUpdate).toBe("2026-05-03T00:00:00.000Z");
  });

  it("reads good, and an unsuccessful status with no body", async () => {
    const good = await buildOcspResponse({ signer: responder, responses: [{ certId: request.certIds[0]!, status: "good", thisUpdate: new Date("2026-05-02T00:00:00Z") }] });
    const decoded = decodeOcspResponse(good);
    expect(decoded.ok && decoded.value.responses[0]).toMatchObject({ certStatus: "good" });
    expect(decoded.ok && decoded.value.nonce).toBeUndefined();
    expect(decodeOcspResponse(buildOcspErrorResponse("tryLater"))).toEqual({ ok: true, value: { responseStatus: "tryLater", responses: [], certificates: [] } });
  });
});

describe("decodeCms", () => {
  it("reads the signed content as text, the signer (subject, serial, issuer), signingTime, algorithms and certificates", () => {
    const decoded = decodeCms(cms);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const value = decoded.value;
    expect(value.contentType).toBe(`cmsSignedData (${OID.cmsSignedData})`);
    expect(value.eContentType).toBe(`cmsData (${OID.cmsData})`);
    expect(value.contentText).toBe(DOCUMENT);
    expect(value.contentBytes).toBe(new TextEncoder().encode(DOCUMENT).length);
    expect(value.digestAlgorithms).toEqual([`sha256 (${OID.sha256})`]);
    expect(value.signers).toHaveLength(1);
    const signer = value.signers[0]!;
    expect(signer).toMatchObject({ subject: certificate.subject, serialNumber: "0a1b2c3d", issuer: ca.certificate.subject, digestAlgorithm: `sha256 (${OID.sha256})`, signatureBytes: 256 });
    expect(signer.signatureAlgorithm).toMatch(/^(rsaEncryption|sha256WithRSAEncryption) /);
    expect(signer.signingTime).toBe("2026-04-02T03:04:05.000Z");
    expect(signer.messageDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(signer.signedAttributes).toEqual(expect.arrayContaining([`contentType (${OID.contentType})`, `messageDigest (${OID.messageDigest})`, `signingTime (${OID.signingTime})`]));
    expect(value.certificates.map((c) => c.ok && c.value.kind)).toEqual(["S", "other"]);
  });

  it("still reads a CMS whose certificate bytes are damaged, and says which certificate it could not read", () => {
    const damaged = new Uint8Array(cms);
    const at = findSubarray(damaged, new Uint8Array(certificate.rawData).subarray(0, 24));
    damaged[at + 20] = (damaged[at + 20] ?? 0) ^ 0xff; // inside the certificate's serial/algorithm: the certificate no longer parses as X.509
    const decoded = decodeCms(damaged);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.contentText).toBe(DOCUMENT);
  });
});

describe("garbage never throws", () => {
  it.each(GARBAGE)("%s gives an error from every decoder", (_what, bytes) => {
    for (const result of [decodeCertificate(bytes), decodeOcspRequest(bytes), decodeOcspResponse(bytes), decodeCms(bytes)]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).not.toBe("");
    }
  });

  it("an OCSP response is not a CMS, nor a certificate, nor a request", () => {
    expect(decodeCms(revokedResponse)).toMatchObject({ ok: false });
    expect(decodeCertificate(revokedResponse)).toMatchObject({ ok: false });
    expect(decodeOcspRequest(revokedResponse)).toMatchObject({ ok: false });
  });
});

describe("decodeDer", () => {
  it("chooses the decoder from the media type the bank records", () => {
    expect(derKindOf("application/pkcs7-mime")).toBe("cms");
    expect(derKindOf("application/ocsp-request")).toBe("ocspRequest");
    expect(derKindOf("application/ocsp-response")).toBe("ocspResponse");
    expect(derKindOf("application/pkix-cert")).toBe("certificate");
    expect(derKindOf("application/octet-stream")).toBeUndefined();
    expect(decodeDer("ocspResponse", revokedResponse)).toMatchObject({ kind: "ocspResponse", result: { ok: true } });
  });
});

function findSubarray(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error("not found");
}
