import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { getCrypto } from "../crypto/provider.js";
import { bytesToHex, toBytes, toPem } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { sandboxFixture, type SandboxFixture } from "../test-support/fixtures.js";
import { signCms } from "./sign.js";
import { verifyCms } from "./verify.js";
import { codeOf } from "../test-support/error-code.js";

const CONTENT = new TextEncoder().encode("申込内容: 普通預金口座の開設\n");
const SIGNING_TIME = new Date("2026-04-01T01:02:03Z");

let f: SandboxFixture;
let attached: Uint8Array<ArrayBuffer>;
let detached: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  f = await sandboxFixture();
  const base = { content: CONTENT, signerCertificate: f.hanakoS.certificate, signer: f.hanakoS.signer };
  attached = await signCms({ ...base, signingTime: SIGNING_TIME, extraCertificates: [f.S.ca.certificate] });
  detached = await signCms({ ...base, signingTime: SIGNING_TIME, detached: true });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

/** Re-encodes a CMS after `edit` changed its SignedData (pkijs keeps signedAttrs and certificates as read). */
function rewrite(der: Uint8Array, edit: (signedData: pkijs.SignedData) => void): Uint8Array<ArrayBuffer> {
  getCrypto();
  const contentInfo = pkijs.ContentInfo.fromBER(toBytes(der));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  edit(signedData);
  const out = new pkijs.ContentInfo({ contentType: OID.cmsSignedData, content: signedData.toSchema() });
  return new Uint8Array(out.toSchema().toBER());
}

describe("verifyCms", () => {
  it("accepts the attached and detached CMS signCms makes", async () => {
    expect(bytesToHex((await verifyCms(attached)).content)).toBe(bytesToHex(CONTENT));
    expect(bytesToHex((await verifyCms(detached, { detachedContent: CONTENT })).content)).toBe(bytesToHex(CONTENT));
    // the same content given again for an attached CMS is fine
    expect((await verifyCms(attached, { detachedContent: CONTENT })).content).toHaveLength(CONTENT.length);
  });

  it("accepts a re-encoding whose eContent is a constructed (chunked) OCTET STRING", async () => {
    const chunked = rewrite(attached, (sd) => {
      sd.encapContentInfo = new pkijs.EncapsulatedContentInfo({
        eContentType: OID.cmsData,
        eContent: new asn1js.OctetString({ valueHex: CONTENT.slice().buffer }),
      });
    });
    expect(bytesToHex(chunked)).not.toBe(bytesToHex(attached));
    expect(bytesToHex((await verifyCms(chunked)).content)).toBe(bytesToHex(CONTENT));
  });

  it.each([
    ["random bytes", () => Uint8Array.of(0x01, 0x02, 0x03, 0x04)],
    ["empty input", () => new Uint8Array(0)],
    ["truncated DER", () => attached.slice(0, attached.length - 10)],
    ["only the first half", () => attached.slice(0, attached.length >> 1)],
    ["trailing bytes", () => Uint8Array.from([...attached, 0x00, 0x00])],
    ["a certificate", () => toBytes(f.hanakoS.certificate.rawData)],
    ["an empty SEQUENCE", () => Uint8Array.of(0x30, 0x00)],
    [
      "a ContentInfo of id-data",
      () =>
        new Uint8Array(
          new pkijs.ContentInfo({ contentType: OID.cmsData, content: new asn1js.OctetString() }).toSchema().toBER(),
        ),
    ],
    ["a PEM block of another kind", () => new TextEncoder().encode(toPem(f.hanakoS.certificate.rawData, "CERTIFICATE"))],
  ])("rejects %s as CMS_MALFORMED", async (_name, input) => {
    expect(await codeOf(verifyCms(input()))).toBe("CMS_MALFORMED");
  });

  it("rejects garbage PEM text as CMS_MALFORMED", async () => {
    expect(await codeOf(verifyCms("-----BEGIN CMS-----\n!!!!\n-----END CMS-----\n"))).toBe("CMS_MALFORMED");
    expect(await codeOf(verifyCms("hello"))).toBe("CMS_MALFORMED");
  });

  it("rejects more than one SignerInfo as CMS_MALFORMED", async () => {
    const twice = rewrite(attached, (sd) => sd.signerInfos.push(sd.signerInfos[0]!));
    expect(await codeOf(verifyCms(twice))).toBe("CMS_MALFORMED");
  });

  it("asks for the content of a detached signature (CMS_CONTENT_MISSING)", async () => {
    expect(await codeOf(verifyCms(detached))).toBe("CMS_CONTENT_MISSING");
  });

  it("reports a missing signer certificate (CMS_SIGNER_CERTIFICATE_MISSING)", async () => {
    const onlyCa = rewrite(attached, (sd) => {
      sd.certificates = [pkijs.Certificate.fromBER(f.S.ca.certificate.rawData)];
    });
    expect(await codeOf(verifyCms(onlyCa))).toBe("CMS_SIGNER_CERTIFICATE_MISSING");
    const none = rewrite(attached, (sd) => {
      delete sd.certificates;
    });
    expect(await codeOf(verifyCms(none))).toBe("CMS_SIGNER_CERTIFICATE_MISSING");
    // 花子's R certificate has another issuer and serial: not a match either
    const otherHolder = rewrite(attached, (sd) => {
      sd.certificates = [pkijs.Certificate.fromBER(f.hanakoR.certificate.rawData)];
    });
    expect(await codeOf(verifyCms(otherHolder))).toBe("CMS_SIGNER_CERTIFICATE_MISSING");
  });

  it("detects changed content (CMS_DIGEST_MISMATCH)", async () => {
    const at = indexOf(attached, CONTENT);
    expect(at).toBeGreaterThan(0);
    const changed = attached.slice();
    changed[at + CONTENT.length - 1] = changed[at + CONTENT.length - 1]! ^ 0x01;
    expect(await codeOf(verifyCms(changed))).toBe("CMS_DIGEST_MISMATCH");

    const other = new TextEncoder().encode("申込内容: 定期預金口座の開設\n");
    expect(await codeOf(verifyCms(detached, { detachedContent: other }))).toBe("CMS_DIGEST_MISMATCH");
    expect(await codeOf(verifyCms(attached, { detachedContent: other }))).toBe("CMS_DIGEST_MISMATCH");
  });

  it("detects a changed signature (CMS_SIGNATURE_INVALID)", async () => {
    const changed = attached.slice();
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 0x01; // the signature is the last OCTET STRING of the DER
    expect(await codeOf(verifyCms(changed))).toBe("CMS_SIGNATURE_INVALID");
  });

  it("detects changed signed attributes (CMS_SIGNATURE_INVALID)", async () => {
    const at = indexOf(attached, new TextEncoder().encode("260401010203Z"));
    expect(at).toBeGreaterThan(0);
    const changed = attached.slice();
    changed[at + 11] = 0x34; // 03 → 04 seconds
    expect(await codeOf(verifyCms(changed))).toBe("CMS_SIGNATURE_INVALID");
  });

  it("rejects a signature made by another key over the same signedAttrs (CMS_SIGNATURE_INVALID)", async () => {
    const signedAttrs = rewriteAndGetSignedAttrs(attached);
    const wrong = new Uint8Array(
      await getCrypto().subtle.sign("RSASSA-PKCS1-v1_5", f.hanakoR.keys.privateKey, signedAttrs),
    );
    expect(wrong).toHaveLength(256);
    const forged = attached.slice();
    forged.set(wrong, forged.length - 256);
    expect(await codeOf(verifyCms(forged))).toBe("CMS_SIGNATURE_INVALID");
  });

  it("rejects a signature whose length is not the key's (CMS_SIGNATURE_INVALID)", async () => {
    const short = rewrite(attached, (sd) => {
      sd.signerInfos[0]!.signature = new asn1js.OctetString({ valueHex: new Uint8Array(10).buffer });
    });
    expect(await codeOf(verifyCms(short))).toBe("CMS_SIGNATURE_INVALID");
  });

  it("rejects signedAttrs without messageDigest, or with a contentType other than eContentType", async () => {
    const noDigest = rewrite(attached, (sd) => {
      const attrs = sd.signerInfos[0]!.signedAttrs!;
      attrs.attributes = attrs.attributes.filter((a) => a.type !== OID.messageDigest);
    });
    expect(await codeOf(verifyCms(noDigest))).toBe("CMS_MALFORMED");
    const otherType = rewrite(attached, (sd) => {
      const attribute = sd.signerInfos[0]!.signedAttrs!.attributes.find((a) => a.type === OID.contentType)!;
      attribute.values = [new asn1js.ObjectIdentifier({ value: OID.cmsSignedData })];
    });
    expect(await codeOf(verifyCms(otherType))).toBe("CMS_MALFORMED");
  });

  it("rejects an unsupported digest algorithm (SHA-1) as CMS_MALFORMED", async () => {
    const sha1 = rewrite(attached, (sd) => {
      sd.signerInfos[0]!.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha1 });
    });
    expect(await codeOf(verifyCms(sha1))).toBe("CMS_MALFORMED");
  });
});

/** The DER of the signedAttrs with the SET tag, as signed. */
function rewriteAndGetSignedAttrs(der: Uint8Array): Uint8Array<ArrayBuffer> {
  getCrypto();
  const contentInfo = pkijs.ContentInfo.fromBER(toBytes(der));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  return new Uint8Array(signedData.signerInfos[0]!.signedAttrs!.encodedValue);
}
