import { beforeAll, describe, expect, it } from "vitest";
import { decodeSha256DigestInfo, sha256 } from "../crypto/digest-info.js";
import { exportPublicKeyDer, generateRsaKeyPair, RSA_ALGORITHM } from "../crypto/keys.js";
import { getCrypto } from "../crypto/provider.js";
import { createSoftwareSigner, type DigestInfoSigner } from "../crypto/signer.js";
import { bytesToHex, toBytes, type Bytes } from "../encoding/pem.js";
import { codeOf } from "../test-support/error-code.js";
import { createCertificationRequest, DEFAULT_CSR_COMMON_NAME } from "./create.js";
import { decodeCertificationRequest } from "./der.js";
import { verifyCertificationRequest } from "./verify.js";

const hex = (text: string) => bytesToHex(new TextEncoder().encode(text));

let keys: CryptoKeyPair;
let signer: DigestInfoSigner;
let spkiHex: string;
beforeAll(async () => {
  keys = await generateRsaKeyPair();
  signer = await createSoftwareSigner(keys.privateKey);
  spkiHex = bytesToHex(await exportPublicKeyDer(keys.publicKey));
});

describe("createCertificationRequest", () => {
  it("writes exactly the RFC 2986 structure, signed as WebCrypto would sign the CertificationRequestInfo", async () => {
    const der = await createCertificationRequest({ publicKey: keys.publicKey, signer });
    const { info } = decodeCertificationRequest(der);
    // PKCS#1 v1.5 is deterministic: the card route (DigestInfo → signer) must equal a plain WebCrypto signature.
    const expectedSignature = await getCrypto().subtle.sign(RSA_ALGORITHM, keys.privateKey, info);
    const name = `302c312a30280603550403 0c21${hex(DEFAULT_CSR_COMMON_NAME)}`; // CN as UTF8String
    expect(bytesToHex(der)).toBe(
      [
        "30820271", // CertificationRequest
        "30820159 020100", // CertificationRequestInfo, version v1 (0)
        name,
        spkiHex,
        "a000", // attributes: an empty [0] SET, present as §4.1 requires
        "300d 06092a864886f70d01010b 0500", // sha256WithRSAEncryption with NULL parameters (RFC 4055 §5)
        "0382010100", // BIT STRING, 0 unused bits
        bytesToHex(expectedSignature),
      ]
        .join("")
        .replace(/\s/g, ""),
    );
  });

  it("hands the signer a SHA-256 DigestInfo of the CertificationRequestInfo and nothing else", async () => {
    const seen: Bytes[] = [];
    const recording: DigestInfoSigner = async (digestInfo) => {
      seen.push(digestInfo.slice());
      return signer(digestInfo);
    };
    const der = await createCertificationRequest({ publicKey: keys.publicKey, signer: recording });
    expect(seen).toHaveLength(1);
    const { info } = decodeCertificationRequest(der);
    expect(bytesToHex(decodeSha256DigestInfo(seen[0]!))).toBe(bytesToHex(await sha256(info)));
  });

  it("names the request with subjectCommonName, as a UTF8String", async () => {
    const der = await createCertificationRequest({ publicKey: keys.publicKey, signer, subjectCommonName: "総務花子のカード" });
    expect((await verifyCertificationRequest(der)).subject).toBe("CN=総務花子のカード");
    expect(bytesToHex(decodeCertificationRequest(der).subject)).toContain(`0c18${hex("総務花子のカード")}`);
    const ascii = await createCertificationRequest({ publicKey: keys.publicKey, signer, subjectCommonName: "x" });
    expect((await verifyCertificationRequest(ascii)).subject).toBe("CN=x");
  });

  it("refuses an empty or over-long common name (ub-common-name is 64) with INVALID_ARGUMENT", async () => {
    for (const subjectCommonName of ["", "a".repeat(65)]) {
      expect(await codeOf(createCertificationRequest({ publicKey: keys.publicKey, signer, subjectCommonName }))).toBe(
        "INVALID_ARGUMENT",
      );
    }
    const longest = await createCertificationRequest({ publicKey: keys.publicKey, signer, subjectCommonName: "花".repeat(64) });
    expect((await verifyCertificationRequest(longest)).subject).toBe(`CN=${"花".repeat(64)}`);
  });

  it("is SIGNER_FAILED when the signer fails or answers with another key (the wrong card)", async () => {
    const other = await createSoftwareSigner((await generateRsaKeyPair()).privateKey);
    expect(await codeOf(createCertificationRequest({ publicKey: keys.publicKey, signer: other }))).toBe("SIGNER_FAILED");
    const blocked: DigestInfoSigner = async () => {
      throw new Error("6983: PIN blocked");
    };
    expect(await codeOf(createCertificationRequest({ publicKey: keys.publicKey, signer: blocked }))).toBe("SIGNER_FAILED");
    const garbage: DigestInfoSigner = async () => new Uint8Array(256);
    expect(await codeOf(createCertificationRequest({ publicKey: keys.publicKey, signer: garbage }))).toBe("SIGNER_FAILED");
  });

  it("refuses a non-RSA key (KEY_UNSUPPORTED) and a private key given as publicKey (INVALID_ARGUMENT)", async () => {
    const ec = await getCrypto().subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    expect(await codeOf(createCertificationRequest({ publicKey: ec.publicKey, signer }))).toBe("KEY_UNSUPPORTED");
    expect(await codeOf(createCertificationRequest({ publicKey: keys.privateKey, signer }))).toBe("INVALID_ARGUMENT");
  });

  it("returns plain Uint8Array DER (ArrayBuffer-backed, no offset)", async () => {
    const der = await createCertificationRequest({ publicKey: keys.publicKey, signer });
    expect(der.byteOffset).toBe(0);
    expect(toBytes(der.buffer)).toEqual(der);
  });
});
