import * as asn1js from "asn1js";
import { beforeAll, describe, expect, it } from "vitest";
import { getCrypto } from "../crypto/provider.js";
import { createSoftwareSigner } from "../crypto/signer.js";
import { bytesToHex, toBytes } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { sandboxFixture, type SandboxFixture } from "../test-support/fixtures.js";
import { compareDerSetOfElements, isDerSetOfOrder } from "./der.js";
import { CMS_PEM_LABEL } from "./pem.js";
import { signCms, signCmsPem } from "./sign.js";
import { verifyCms } from "./verify.js";

const CONTENT = new TextEncoder().encode("口座開設申込書\r\n氏名: 総務　花子\n\0binary\xff");
const SIGNING_TIME = new Date("2026-04-01T01:02:03Z");

let f: SandboxFixture;
beforeAll(async () => {
  f = await sandboxFixture();
});

/** The parts of ContentInfo(SignedData) the tests look at, straight from the DER. */
function dissect(der: Uint8Array) {
  const parsed = asn1js.fromBER(toBytes(der));
  expect(parsed.offset).toBe(der.length);
  const contentInfo = parsed.result as asn1js.Sequence;
  const [contentType, explicit] = contentInfo.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Constructed];
  const signedData = explicit.valueBlock.value[0] as asn1js.Sequence;
  const [version, digestAlgorithms, encap, ...rest] = signedData.valueBlock.value as asn1js.BaseBlock[];
  const certificates = rest.find((e) => e.idBlock.tagClass === 3 && e.idBlock.tagNumber === 0) as asn1js.Constructed;
  const signerInfos = rest[rest.length - 1] as asn1js.Set;
  const signerInfo = signerInfos.valueBlock.value[0] as asn1js.Sequence;
  const [siVersion, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature] = signerInfo.valueBlock
    .value as asn1js.BaseBlock[];
  return {
    contentType: contentType.valueBlock.toString(),
    version: (version as asn1js.Integer).valueBlock.valueDec,
    digestAlgorithms: digestAlgorithms as asn1js.Set,
    encap: encap as asn1js.Sequence,
    certificates: certificates.valueBlock.value.map((c) => toBytes(c.valueBeforeDecodeView)),
    signerInfoCount: signerInfos.valueBlock.value.length,
    siVersion: (siVersion as asn1js.Integer).valueBlock.valueDec,
    sid: sid as asn1js.Sequence,
    digestAlgorithm: toBytes(digestAlgorithm!.valueBeforeDecodeView),
    signedAttrs: signedAttrs as asn1js.Constructed,
    signatureAlgorithm: toBytes(signatureAlgorithm!.valueBeforeDecodeView),
    signature: toBytes((signature as asn1js.OctetString).valueBlock.valueHexView),
  };
}

describe("signCms", () => {
  it("round-trips attached content through verifyCms", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: SIGNING_TIME,
      extraCertificates: [f.S.ca.certificate],
    });
    const verified = await verifyCms(der);
    expect(bytesToHex(verified.content)).toBe(bytesToHex(CONTENT));
    expect(bytesToHex(verified.signerCertificate.rawData)).toBe(bytesToHex(f.hanakoS.certificate.rawData));
    expect(verified.certificates.map((c) => bytesToHex(c.rawData))).toEqual(
      [f.hanakoS.certificate, f.S.ca.certificate].map((c) => bytesToHex(c.rawData)),
    );
    expect(verified.signingTime?.toISOString()).toBe(SIGNING_TIME.toISOString());
    expect(verified.digestAlgorithm).toBe("SHA-256");
    expect(verified.contentType).toBe(OID.cmsData);
    expect(verified.hasSignedAttributes).toBe(true);
  });

  it("round-trips a detached signature and leaves eContent out", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      detached: true,
    });
    const parts = dissect(der);
    expect(parts.encap.valueBlock.value).toHaveLength(1); // eContentType only
    expect(bytesToHex(der)).not.toContain(bytesToHex(CONTENT));
    const verified = await verifyCms(der, { detachedContent: CONTENT });
    expect(bytesToHex(verified.content)).toBe(bytesToHex(CONTENT));
  });

  it("writes the profile: v1, sha256 without parameters, id-data, IssuerAndSerialNumber, rsaEncryption", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: SIGNING_TIME,
    });
    const parts = dissect(der);
    expect(parts.contentType).toBe(OID.cmsSignedData);
    expect(parts.version).toBe(1);
    expect(parts.siVersion).toBe(1);
    expect(parts.signerInfoCount).toBe(1);
    // AlgorithmIdentifier { sha256 } with absent parameters (RFC 5754 §2)
    expect(bytesToHex(parts.digestAlgorithm)).toBe("300b0609608648016503040201");
    expect(bytesToHex(toBytes(parts.digestAlgorithms.valueBeforeDecodeView))).toBe("310d300b0609608648016503040201");
    // AlgorithmIdentifier { rsaEncryption, NULL }, as OpenSSL writes it
    expect(bytesToHex(parts.signatureAlgorithm)).toBe("300d06092a864886f70d0101010500");
    const eContentType = parts.encap.valueBlock.value[0] as asn1js.ObjectIdentifier;
    expect(eContentType.valueBlock.toString()).toBe(OID.cmsData);
    // eContent is one primitive OCTET STRING (not the chunked form pkijs's constructor makes)
    const eContent = (parts.encap.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0]!;
    expect(eContent.idBlock.isConstructed).toBe(false);
    expect(bytesToHex(toBytes((eContent as asn1js.OctetString).valueBlock.valueHexView))).toBe(bytesToHex(CONTENT));
    // The signer certificate, byte for byte
    expect(parts.certificates.map(bytesToHex)).toEqual([bytesToHex(f.hanakoS.certificate.rawData)]);
    // sid = IssuerAndSerialNumber { issuer, serial } of that certificate
    const [issuer, serial] = parts.sid.valueBlock.value as [asn1js.Sequence, asn1js.Integer];
    expect(bytesToHex(toBytes(serial.valueBlock.valueHexView)).replace(/^(00)+/, "")).toBe(
      f.hanakoS.certificate.serialNumber.toLowerCase().replace(/^(00)+/, ""),
    );
    expect(bytesToHex(toBytes(issuer.valueBeforeDecodeView))).toBe(
      bytesToHex(f.hanakoS.certificate.issuerName.toArrayBuffer()),
    );
  });

  it("writes signedAttrs in DER SET OF order: contentType, signingTime, messageDigest", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: SIGNING_TIME,
    });
    const { signedAttrs } = dissect(der);
    expect(signedAttrs.idBlock.tagClass).toBe(3);
    expect(signedAttrs.idBlock.tagNumber).toBe(0);
    const encodings = signedAttrs.valueBlock.value.map((a) => toBytes(a.valueBeforeDecodeView));
    expect(isDerSetOfOrder(encodings)).toBe(true);
    const types = signedAttrs.valueBlock.value.map((a) =>
      ((a as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    );
    // Given as contentType, messageDigest, signingTime; the encodings' lengths (0x18 < 0x1c < 0x2f) decide.
    expect(types).toEqual([OID.contentType, OID.signingTime, OID.messageDigest]);
    expect(bytesToHex(encodings[0]!)).toBe("301806092a864886f70d010903310b06092a864886f70d010701");
    // signingTime 2026-04-01T01:02:03Z as UTCTime "260401010203Z"
    expect(bytesToHex(encodings[1]!)).toBe(
      "301c06092a864886f70d010905310f170d" + bytesToHex(new TextEncoder().encode("260401010203Z")),
    );
  });

  it("signs what WebCrypto would: RSASSA-PKCS1-v1_5/SHA-256 over the signedAttrs with the SET tag", async () => {
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: SIGNING_TIME,
    });
    const { signedAttrs, signature } = dissect(der);
    const signedBytes = toBytes(signedAttrs.valueBeforeDecodeView);
    expect(signedBytes[0]).toBe(0xa0);
    signedBytes[0] = 0x31;
    const expected = await getCrypto().subtle.sign("RSASSA-PKCS1-v1_5", f.hanakoS.keys.privateKey, signedBytes);
    expect(bytesToHex(signature)).toBe(bytesToHex(expected));
  });

  it("rounds signingTime down to whole seconds and uses GeneralizedTime from 2050", async () => {
    const rounded = await verifyCms(
      await signCms({
        content: CONTENT,
        signerCertificate: f.hanakoS.certificate,
        signer: f.hanakoS.signer,
        signingTime: new Date("2026-04-01T01:02:03.987Z"),
      }),
    );
    expect(rounded.signingTime?.toISOString()).toBe("2026-04-01T01:02:03.000Z");

    const later = new Date("2051-01-02T03:04:05Z");
    const der = await signCms({
      content: CONTENT,
      signerCertificate: f.hanakoS.certificate,
      signer: f.hanakoS.signer,
      signingTime: later,
    });
    const time = dissect(der).signedAttrs.valueBlock.value.map((a) => bytesToHex(toBytes(a.valueBeforeDecodeView)));
    expect(time.some((hex) => hex.includes("180f" + bytesToHex(new TextEncoder().encode("20510102030405Z"))))).toBe(
      true,
    );
    expect((await verifyCms(der)).signingTime?.toISOString()).toBe(later.toISOString());
  });

  it("signs empty content", async () => {
    const der = await signCms({ content: new Uint8Array(0), signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer });
    expect((await verifyCms(der)).content).toHaveLength(0);
  });

  it("maps a signer that throws to SIGNER_FAILED", async () => {
    const failing = async (): Promise<Uint8Array> => {
      throw new Error("PIN blocked (69 83)");
    };
    await expect(
      signCms({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: failing }),
    ).rejects.toMatchObject({ name: "JpkiError", code: "SIGNER_FAILED" });
  });

  it("refuses a signature made by a key other than the certificate's (SIGNER_FAILED)", async () => {
    // 花子's R key answering for her S certificate: the wrong key on the card.
    await expect(
      signCms({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoR.signer }),
    ).rejects.toMatchObject({ code: "SIGNER_FAILED" });
    const wrongKey = await createSoftwareSigner(f.S.ca.privateKey);
    await expect(
      signCms({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: wrongKey }),
    ).rejects.toMatchObject({ code: "SIGNER_FAILED" });
  });

  it("writes PEM with the CMS label, which verifyCms reads back", async () => {
    const pem = await signCmsPem({ content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer });
    expect(pem.startsWith(`-----BEGIN ${CMS_PEM_LABEL}-----\n`)).toBe(true);
    expect(bytesToHex((await verifyCms(pem)).content)).toBe(bytesToHex(CONTENT));
    expect(bytesToHex((await verifyCms(pem.replace(/CMS-----/g, "PKCS7-----"))).content)).toBe(bytesToHex(CONTENT));
  });
});

describe("compareDerSetOfElements", () => {
  it("compares as octet strings, padding the shorter with zeros (X.690 §11.6)", () => {
    expect(compareDerSetOfElements(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBeLessThan(0);
    expect(compareDerSetOfElements(Uint8Array.of(2), Uint8Array.of(1, 9))).toBeGreaterThan(0);
    expect(compareDerSetOfElements(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(0);
    expect(compareDerSetOfElements(Uint8Array.of(1), Uint8Array.of(1, 1))).toBeLessThan(0);
    expect(isDerSetOfOrder([Uint8Array.of(0x30, 0x18), Uint8Array.of(0x30, 0x2f), Uint8Array.of(0x30, 0x1c)])).toBe(false);
  });
});
