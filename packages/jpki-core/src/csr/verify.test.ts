import { beforeAll, describe, expect, it } from "vitest";
import { sha256DigestInfoOf } from "../crypto/digest-info.js";
import { exportPublicKeyDer, generateRsaKeyPair, RSA_ALGORITHM } from "../crypto/keys.js";
import { getCrypto } from "../crypto/provider.js";
import { createSoftwareSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { bytesToHex, toPem, type Bytes } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { DER_NULL, oid, sequence, tlv, TAG } from "../revocation/der.js";
import { codeOf } from "../test-support/error-code.js";
import { createCertificationRequest } from "./create.js";
import { decodeCertificationRequest, encodeCertificationRequest, encodeCertificationRequestInfo } from "./der.js";
import { CSR_PEM_LABEL, csrToPem } from "./pem.js";
import { verifyCertificationRequest } from "./verify.js";

let keys: CryptoKeyPair;
let signer: DigestInfoSigner;
let der: Bytes;
beforeAll(async () => {
  keys = await generateRsaKeyPair();
  signer = await createSoftwareSigner(keys.privateKey);
  der = await createCertificationRequest({ publicKey: keys.publicKey, signer });
});

async function rsaKeyPair(modulusLength: number): Promise<CryptoKeyPair> {
  return getCrypto().subtle.generateKey({ ...RSA_ALGORITHM, modulusLength }, true, ["sign", "verify"]);
}

/** A request with the given pieces, signed (or not) as the caller chooses. */
function assemble(info: Uint8Array, algorithm: Uint8Array, signature: Uint8Array): Bytes {
  return sequence(info, algorithm, tlv(TAG.BIT_STRING, Uint8Array.of(0), signature));
}

function flipByte(bytes: Uint8Array, index: number): Bytes {
  const copy = bytes.slice();
  copy[index]! ^= 0x01;
  return copy;
}

describe("verifyCertificationRequest", () => {
  it("accepts what createCertificationRequest makes, with the key it was made for", async () => {
    const verified = await verifyCertificationRequest(der);
    expect(verified.subject).toBe("CN=JPKI-SANDBOX card key (TEST ONLY)");
    expect(bytesToHex(verified.der)).toBe(bytesToHex(der));
    const spki = bytesToHex(await exportPublicKeyDer(keys.publicKey));
    expect(bytesToHex(verified.publicKeyDer)).toBe(spki);
    expect(bytesToHex(await exportPublicKeyDer(verified.publicKey))).toBe(spki);
    expect(verified.publicKey.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-256" } });
  });

  it("reads PEM with either label, as a string or as bytes, and DER in any BufferSource", async () => {
    const pem = csrToPem(der);
    expect(pem.startsWith(`-----BEGIN ${CSR_PEM_LABEL}-----\n`)).toBe(true);
    const legacy = toPem(der, "NEW CERTIFICATE REQUEST");
    for (const input of [pem, legacy, new TextEncoder().encode(pem), der.buffer, Buffer.from(der)]) {
      expect(bytesToHex((await verifyCertificationRequest(input)).der)).toBe(bytesToHex(der));
    }
  });

  it("is CSR_SIGNATURE_INVALID when the signature or the signed info was altered", async () => {
    expect(await codeOf(verifyCertificationRequest(flipByte(der, der.length - 1)))).toBe("CSR_SIGNATURE_INVALID");
    const { info, signature } = decodeCertificationRequest(der);
    const renamed = flipByte(info, 20); // a byte of the common name
    expect(await codeOf(verifyCertificationRequest(encodeCertificationRequest(renamed, signature)))).toBe(
      "CSR_SIGNATURE_INVALID",
    );
    // another key's valid signature over the same info
    const other = await createSoftwareSigner((await generateRsaKeyPair()).privateKey);
    const foreign = await other(await sha256DigestInfoOf(info));
    expect(await codeOf(verifyCertificationRequest(encodeCertificationRequest(info, foreign)))).toBe("CSR_SIGNATURE_INVALID");
    // a signature of the wrong length
    expect(await codeOf(verifyCertificationRequest(encodeCertificationRequest(info, signature.slice(1))))).toBe(
      "CSR_SIGNATURE_INVALID",
    );
  });

  it("is CSR_MALFORMED for garbage, truncation, trailing bytes and bad PEM", async () => {
    const inputs: (string | Bytes)[] = [
      new Uint8Array(0),
      Uint8Array.of(0x01, 0x02, 0x03, 0x04),
      der.slice(0, der.length - 1),
      der.slice(0, 100),
      Uint8Array.of(...der, 0x00),
      "not a request",
      toPem(der, "CERTIFICATE"),
      `-----BEGIN ${CSR_PEM_LABEL}-----\n!!!!\n-----END ${CSR_PEM_LABEL}-----\n`,
      decodeCertificationRequest(der).info, // the info alone
    ];
    for (const input of inputs) expect(await codeOf(verifyCertificationRequest(input))).toBe("CSR_MALFORMED");
  });

  it("is CSR_MALFORMED for a wrong version, a missing attributes [0], or an odd signature BIT STRING", async () => {
    const { info, subject, subjectPublicKeyInfo, signature } = decodeCertificationRequest(der);
    const algorithm = sequence(oid(OID.sha256WithRSAEncryption), DER_NULL);
    const v2 = sequence(tlv(TAG.INTEGER, Uint8Array.of(1)), subject, subjectPublicKeyInfo, tlv(TAG.context(0)));
    const noAttributes = sequence(tlv(TAG.INTEGER, Uint8Array.of(0)), subject, subjectPublicKeyInfo);
    const cases = [
      assemble(v2, algorithm, signature),
      assemble(noAttributes, algorithm, signature),
      sequence(info, algorithm, tlv(TAG.BIT_STRING, Uint8Array.of(1), signature)), // unused bits
      sequence(info, algorithm, tlv(TAG.OCTET_STRING, signature)),
      sequence(info, algorithm),
    ];
    for (const input of cases) expect(await codeOf(verifyCertificationRequest(input))).toBe("CSR_MALFORMED");
  });

  it("is CSR_MALFORMED for signature algorithms other than sha256/384/512WithRSAEncryption", async () => {
    const { info, signature } = decodeCertificationRequest(der);
    const algorithms = [
      sequence(oid(OID.sha1WithRSAEncryption), DER_NULL),
      sequence(oid(OID.rsaEncryption), DER_NULL),
      sequence(oid("1.2.840.113549.1.1.10")), // RSASSA-PSS
      sequence(oid("1.2.840.10045.4.3.2")), // ecdsa-with-SHA256
      sequence(oid(OID.sha256WithRSAEncryption), tlv(TAG.OCTET_STRING)), // parameters neither NULL nor absent
    ];
    for (const algorithm of algorithms) {
      expect(await codeOf(verifyCertificationRequest(assemble(info, algorithm, signature)))).toBe("CSR_MALFORMED");
    }
    // absent parameters are accepted (RFC 4055 §5)
    const absent = assemble(info, sequence(oid(OID.sha256WithRSAEncryption)), signature);
    expect((await verifyCertificationRequest(absent)).subject).toBe("CN=JPKI-SANDBOX card key (TEST ONLY)");
  });

  it("checks SHA-384 and SHA-512 signatures with the hash the algorithm names", async () => {
    const { info } = decodeCertificationRequest(der);
    for (const [hash, algorithmOid] of [
      ["SHA-384", OID.sha384WithRSAEncryption],
      ["SHA-512", OID.sha512WithRSAEncryption],
    ] as const) {
      const key = await getCrypto().subtle.importKey(
        "pkcs8",
        await getCrypto().subtle.exportKey("pkcs8", keys.privateKey),
        { name: "RSASSA-PKCS1-v1_5", hash },
        false,
        ["sign"],
      );
      const signature = new Uint8Array(await getCrypto().subtle.sign("RSASSA-PKCS1-v1_5", key, info));
      const algorithm = sequence(oid(algorithmOid), DER_NULL);
      expect((await verifyCertificationRequest(assemble(info, algorithm, signature))).subject).toContain("TEST ONLY");
      const mislabelled = assemble(info, sequence(oid(OID.sha256WithRSAEncryption), DER_NULL), signature);
      expect(await codeOf(verifyCertificationRequest(mislabelled))).toBe("CSR_SIGNATURE_INVALID");
    }
  });

  it("is CSR_MALFORMED for a non-RSA key", async () => {
    const ec = await getCrypto().subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const { subject } = decodeCertificationRequest(der);
    const info = encodeCertificationRequestInfo(subject, await exportPublicKeyDer(ec.publicKey));
    const signature = new Uint8Array(
      await getCrypto().subtle.sign({ name: "ECDSA", hash: "SHA-256" }, ec.privateKey, info),
    );
    const input = assemble(info, sequence(oid("1.2.840.10045.4.3.2")), signature);
    expect(await codeOf(verifyCertificationRequest(input))).toBe("CSR_MALFORMED");
    const asIfRsa = encodeCertificationRequest(info, signature);
    expect(await codeOf(verifyCertificationRequest(asIfRsa))).toBe("CSR_MALFORMED");
  });

  // Exponent 3 is tested with an openssl key in csr.interop.test.ts: @peculiar/webcrypto cannot generate one.
  it("is CSR_KEY_UNSUPPORTED for a 1024-bit key, though correctly signed", async () => {
    const small = await rsaKeyPair(1024);
    const request = await createCertificationRequest({
      publicKey: small.publicKey,
      signer: await createSoftwareSigner(small.privateKey),
    });
    expect(await codeOf(verifyCertificationRequest(request))).toBe("CSR_KEY_UNSUPPORTED");
    // larger than the JPKI 2048 is fine
    const large = await rsaKeyPair(3072);
    const largeRequest = await createCertificationRequest({
      publicKey: large.publicKey,
      signer: await createSoftwareSigner(large.privateKey),
    });
    expect(bytesToHex((await verifyCertificationRequest(largeRequest)).publicKeyDer)).toBe(
      bytesToHex(await exportPublicKeyDer(large.publicKey)),
    );
  });
});
