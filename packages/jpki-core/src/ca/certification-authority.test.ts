import { describe, expect, it } from "vitest";
import { exportPrivateKeyPem } from "../crypto/keys.js";
import { x509 } from "../crypto/x509-library.js";
import { toPem } from "../encoding/pem.js";
import { OID } from "../oids.js";
import { sandboxFixture } from "../test-support/fixtures.js";
import { caKindOf, createCertificationAuthority, loadCertificationAuthority, loadOcspResponder } from "./certification-authority.js";

describe("certification authorities", () => {
  it("makes self-signed RSA-2048 roots with the JPKI DN and CA extensions", async () => {
    const { S, R } = await sandboxFixture();
    expect(S.ca.certificate.subject).toBe(
      "C=JP, O=JPKI-SANDBOX, OU=JPKI for digital signature, OU=Japan Agency for Local Authority Information Systems",
    );
    expect(R.ca.certificate.subject).toContain("OU=JPKI for user authentication");
    for (const { ca } of [S, R]) {
      expect(await ca.certificate.isSelfSigned()).toBe(true);
      const basic = ca.certificate.getExtension(x509.BasicConstraintsExtension)!;
      expect(basic.ca && basic.critical).toBe(true);
      expect(ca.certificate.getExtension(x509.KeyUsagesExtension)!.usages).toBe(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
      );
      expect((ca.certificate.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    }
  });

  it("lets the O be configured", async () => {
    const ca = await createCertificationAuthority({ kind: "R", organization: "JPKI-SANDBOX-TEAM-A" });
    expect(ca.certificate.subject).toContain("O=JPKI-SANDBOX-TEAM-A");
    expect(caKindOf(ca.certificate)).toBe("R");
  });

  it("gives each CA a responder certificate with OCSPSigning and ocsp-nocheck, issued by the CA", async () => {
    const { S } = await sandboxFixture();
    const responder = S.responder.certificate;
    expect(responder.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toEqual([OID.kpOcspSigning]);
    expect(responder.getExtension(OID.ocspNoCheck)).not.toBeNull();
    expect(await responder.verify({ publicKey: S.ca.certificate.publicKey, signatureOnly: true })).toBe(true);
  });

  it("loads a CA and a responder back from PEM, and refuses a key that is not theirs", async () => {
    const { S, R } = await sandboxFixture();
    const certPem = toPem(S.ca.certificate.rawData, "CERTIFICATE");
    const loaded = await loadCertificationAuthority(certPem, await exportPrivateKeyPem(S.ca.privateKey));
    expect(loaded).toMatchObject({ kind: "S", organization: "JPKI-SANDBOX" });
    const responder = await loadOcspResponder(
      toPem(S.responder.certificate.rawData, "CERTIFICATE"),
      await exportPrivateKeyPem(S.responder.privateKey),
    );
    expect(responder.kind).toBe("S");
    await expect(loadCertificationAuthority(certPem, await exportPrivateKeyPem(R.ca.privateKey))).rejects.toMatchObject({
      code: "KEY_MALFORMED",
    });
    await expect(loadCertificationAuthority(certPem, "not a key")).rejects.toMatchObject({ code: "KEY_MALFORMED" });
  });
});
