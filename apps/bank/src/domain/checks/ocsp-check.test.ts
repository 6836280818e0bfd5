import { normaliseSerialNumber, REVOCATION_REASONS, x509 as x509lib, type x509 } from "@jpki-sandbox/jpki-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isBankError, type BankError } from "../errors.js";
import { FakeJlis } from "../test-support/fake-jlis.js";
import { SANDBOX_NOW, testCa, testKeys, testPki, type TestCa, type TestPki } from "../test-support/sandbox.js";
import { exchangeOcsp, judgeOcspResponse, type OcspPolicy } from "./ocsp-check.js";

let pki: TestPki;
/** A CA the bank does not trust, with its own responder. */
let stranger: TestCa;
let jlis: FakeJlis;
let slept: number[];
let policy: OcspPolicy;

beforeAll(async () => {
  [pki, stranger] = await Promise.all([testPki(), testCa("S", "strangerCaS", "strangerResponderS")]);
});

beforeEach(() => {
  jlis = new FakeJlis(pki);
  slept = [];
  policy = { retries: 2, retryDelayMs: 500, sleep: async (ms) => void slept.push(ms) };
});

/** ⑤ then ⑥ for 花子's S certificate, as the journeys run them. */
async function check(certificate: x509.X509Certificate = pki.hanakoS.certificate, kind: "S" | "R" = "S") {
  const issuer = pki[kind].ca.certificate;
  const exchange = await exchangeOcsp({ jlis, kind, certificate, issuer, policy });
  const verdict = await judgeOcspResponse(exchange, { issuer, certificate, at: SANDBOX_NOW });
  return { exchange, verdict };
}

async function failureOf(promise: Promise<unknown>): Promise<BankError> {
  try {
    await promise;
  } catch (error) {
    if (isBankError(error)) return error;
    throw error;
  }
  throw new Error("expected a BankError, but it passed");
}

describe("OCSP check (⑤⑥)", () => {
  it("good: one request with a fresh 32-byte nonce, answered by the delegated responder", async () => {
    const { exchange, verdict } = await check();
    expect(exchange.attempts).toBe(1);
    expect(exchange.statuses).toEqual(["successful"]);
    expect(verdict.single.status).toBe("good");
    expect(verdict.signedBy).toBe("delegated");
    expect(slept).toEqual([]);
    const [sent] = jlis.ocspRequests;
    expect(sent?.kind).toBe("S");
    expect(sent?.request.nonceValue?.length).toBe(32);
    expect(sent?.request.certIds[0]?.serialNumber).toBe(normaliseSerialNumber(pki.hanakoS.certificate.serialNumber));
  });

  it("good for R at /ocsp/r", async () => {
    const { verdict } = await check(pki.hanakoR.certificate, "R");
    expect(verdict.single.status).toBe("good");
    expect(jlis.ocspRequests[0]?.kind).toBe("R");
  });

  it("two checks send two different nonces", async () => {
    await check();
    await check();
    const [a, b] = jlis.ocspRequests.map((r) => Buffer.from(r.request.nonceValue!).toString("hex"));
    expect(a).not.toBe(b);
  });

  it("good when the CA signs the response itself", async () => {
    jlis.queueAnswer({ signer: pki.S.ca });
    const { verdict } = await check();
    expect(verdict.signedBy).toBe("issuer");
  });

  it.each(REVOCATION_REASONS)("revoked (%s): CERTIFICATE_REVOKED with details.revocationReason", async (reason) => {
    jlis.setStatus(pki.hanakoS.certificate.serialNumber, { status: "revoked", revokedAt: new Date("2026-04-20T00:00:00Z"), reason });
    const error = await failureOf(check());
    expect(error.code).toBe("CERTIFICATE_REVOKED");
    expect(error.details?.revocationReason).toBe(reason);
  });

  it("unknown: OCSP_UNKNOWN", async () => {
    jlis.setStatus(pki.hanakoS.certificate.serialNumber, { status: "unknown" });
    expect((await failureOf(check())).code).toBe("OCSP_UNKNOWN");
  });

  describe("tryLater: the documented retry, then fail closed", () => {
    it.each([0, 1, 2, 3])("with retries = %i: 1 + retries requests, doubling delays, then OCSP_TRY_LATER", async (retries) => {
      policy.retries = retries;
      jlis.queueError("tryLater", retries + 1);
      jlis.queueAnswer({}); // a good answer that must never be asked for
      expect((await failureOf(check())).code).toBe("OCSP_TRY_LATER");
      expect(jlis.ocspRequests).toHaveLength(retries + 1);
      expect(slept).toEqual([500, 1000, 2000].slice(0, retries));
    });

    it("internalError is retried the same way", async () => {
      jlis.queueError("internalError", 3);
      expect((await failureOf(check())).code).toBe("OCSP_TRY_LATER");
      expect(jlis.ocspRequests).toHaveLength(3);
      expect(slept).toEqual([500, 1000]);
    });

    it("tryLater then good: passes after 2 attempts, one sleep of retryDelayMs", async () => {
      jlis.queueError("tryLater");
      const { exchange, verdict } = await check();
      expect(verdict.single.status).toBe("good");
      expect(exchange.attempts).toBe(2);
      expect(exchange.statuses).toEqual(["tryLater", "successful"]);
      expect(slept).toEqual([500]);
    });

    it("each retry is a request with the same nonce it then checks", async () => {
      jlis.queueError("tryLater");
      await check();
      const [first, second] = jlis.ocspRequests.map((r) => Buffer.from(r.request.nonceValue!).toString("hex"));
      expect(first).toBe(second);
    });

    it("other error statuses (unauthorized, malformedRequest) are not retried and are OCSP_RESPONSE_INVALID", async () => {
      for (const status of ["unauthorized", "malformedRequest"] as const) {
        jlis.queueError(status);
        expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
      }
      expect(jlis.ocspRequests).toHaveLength(2);
      expect(slept).toEqual([]);
    });
  });

  describe("an answer the bank must not believe: OCSP_RESPONSE_INVALID", () => {
    it("signed by a key that is neither the CA nor a delegated responder (another CA's responder)", async () => {
      jlis.queueAnswer({ signer: stranger.responder });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("signed by a self-made 'responder' certificate with id-kp-OCSPSigning that J-LIS's CA never issued", async () => {
      const keys = await testKeys("forgedResponder");
      const forged = await x509lib.X509CertificateGenerator.createSelfSigned({
        serialNumber: "01",
        name: pki.S.responder.certificate.subject,
        notBefore: new Date("2025-01-01T00:00:00Z"),
        notAfter: new Date("2035-01-01T00:00:00Z"),
        keys,
        signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
        extensions: [new x509lib.ExtendedKeyUsageExtension(["1.3.6.1.5.5.7.3.9"])],
      });
      jlis.queueAnswer({ signer: { certificate: forged, privateKey: keys.privateKey } });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("signed by the holder's own key (花子's S certificate is not a responder)", async () => {
      jlis.queueAnswer({ signer: { certificate: pki.hanakoS.certificate, privateKey: pki.hanakoS.keys.privateKey } });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("the nonce is not echoed", async () => {
      jlis.queueAnswer({ nonce: "omit" });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("a different nonce is echoed (a replayed response)", async () => {
      jlis.queueAnswer({ nonce: new Uint8Array([0x04, 0x20, ...new Uint8Array(32).fill(7)]) });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("stale: nextUpdate in the past at sandbox time", async () => {
      jlis.queueAnswer({ thisUpdate: new Date(SANDBOX_NOW.getTime() - 48 * 3600_000), nextUpdate: new Date(SANDBOX_NOW.getTime() - 24 * 3600_000) });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("thisUpdate in the future at sandbox time", async () => {
      jlis.queueAnswer({ thisUpdate: new Date(SANDBOX_NOW.getTime() + 24 * 3600_000), nextUpdate: new Date(SANDBOX_NOW.getTime() + 48 * 3600_000) });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("about another certificate (花子's R serial answered on an S question)", async () => {
      jlis.script.push(async (request, fake, kind) => {
        const certId = { ...request.certIds[0]!, serialNumber: normaliseSerialNumber(pki.hanakoR.certificate.serialNumber) };
        return fake.answer(kind, { ...request, certIds: [certId] });
      });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it("a byte of the signature flipped", async () => {
      jlis.script.push(async (request, fake, kind) => {
        const der = Uint8Array.from(await fake.answer(kind, request));
        const certs = Buffer.from(der).lastIndexOf(Buffer.from(new Uint8Array(pki.S.responder.certificate.rawData)));
        der[certs - 40]! ^= 0x01; // inside the signature BIT STRING, which ends where [0] certs begins
        return der;
      });
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
    });

    it.each([
      ["garbage", new Uint8Array([0xde, 0xad, 0xbe, 0xef])],
      ["empty", new Uint8Array(0)],
      ["HTML", new TextEncoder().encode("<html>502 Bad Gateway</html>")],
    ])("%s bytes instead of an OCSPResponse", async (_what, bytes) => {
      jlis.script.push(() => bytes);
      expect((await failureOf(check())).code).toBe("OCSP_RESPONSE_INVALID");
      expect(slept).toEqual([]);
    });
  });

  it("J-LIS unreachable (JLIS_UNAVAILABLE from the client): OCSP_UNAVAILABLE, not retried", async () => {
    jlis.unreachable = true;
    const error = await failureOf(check());
    expect(error.code).toBe("OCSP_UNAVAILABLE");
    expect(isBankError(error.cause, "JLIS_UNAVAILABLE")).toBe(true);
    expect(slept).toEqual([]);
  });
});
