/**
 * The checks every signed answer goes through, recorded as steps: ③ what arrived, ④ signature + certificate
 * (kind, chain to the J-LIS root, validity at sandbox time), ⑤⑥ OCSP. Shared by account opening, relink and
 * attribute refresh (S, a signed document) and login (R, a signed challenge).
 */
import { bytesToBase64, parseCertificate, type Bytes, type ChallengeStore, type ParsedCertificate } from "@jpki-sandbox/jpki-core";
import { assertCertificateValid, KIND_WORDS } from "../checks/certificate-check.js";
import { acceptGoodStatus, believeOcspResponse, exchangeOcsp, type OcspPolicy } from "../checks/ocsp-check.js";
import { verifyChallengeAnswer, verifySignedDocument } from "../checks/signature-check.js";
import { BankError } from "../errors.js";
import type { CertificateKind, JlisServices } from "../ports.js";
import type { StepContext, StepLog } from "./steps.js";

const iso = (date: Date) => date.toISOString();

export class CertificateVerifier {
  constructor(
    private readonly jlis: JlisServices,
    private readonly ocspPolicy: OcspPolicy,
  ) {}

  private async root(kind: CertificateKind) {
    return parseCertificate(await this.jlis.caCertificate(kind)).certificate;
  }

  /** Kind, chain and validity of `certificate` (inside step ④ / ④'). */
  private async checkCertificate(step: StepContext, certificate: ParsedCertificate, kind: CertificateKind, at: Date): Promise<void> {
    await step.check(`the certificate is ${KIND_WORDS[kind]}`, () => {
      if (certificate.kind !== kind) {
        const found = certificate.kind === "other" ? "not a JPKI end-entity certificate" : KIND_WORDS[certificate.kind];
        throw new BankError("WRONG_CERTIFICATE_KIND", `${KIND_WORDS[kind]} is required, but this is ${found}`);
      }
    }, () => `policy ${certificate.policies.join(", ")}`);
    const root = await this.root(kind);
    await step.check(
      `it chains to the J-LIS ${kind} root and is valid at sandbox time`,
      () => assertCertificateValid(certificate.certificate, { kind, root, at }),
      () => `issuer ${certificate.issuer}; valid ${iso(certificate.notBefore)} – ${iso(certificate.notAfter)}; sandbox time ${iso(at)}`,
    );
  }

  /** ③④ for a signed document (CMS SignedData). Returns the signer's S certificate. */
  async verifyDocument(log: StepLog, input: { signedData: Bytes; document: Bytes; at: Date; what: string }): Promise<ParsedCertificate> {
    await log.run("signature", (step) => {
      step.pass(`the portal returned ${input.what} as attached CMS SignedData`, `${input.signedData.length} bytes`);
      step.message("CMS SignedData (RFC 5652), DER", "application/pkcs7-mime", bytesToBase64(input.signedData));
    });
    return log.run("verify", async (step) => {
      const verified = await step.check(
        "the CMS signature verifies with the signer certificate's public key",
        () => verifySignedDocument(input.signedData, input.document),
        (v) => `${v.digestAlgorithm} with RSA PKCS#1 v1.5${v.signingTime ? `; signingTime ${iso(v.signingTime)}` : ""}`,
      );
      step.pass(`the signed content is exactly ${input.what} the bank sent`, `${input.document.length} bytes`);
      const certificate = parseCertificate(new Uint8Array(verified.signerCertificate.rawData));
      await this.checkCertificate(step, certificate, "S", input.at);
      return certificate;
    });
  }

  /** ③'④' for a login: the signature over the challenge with the R key (the challenge is used up). */
  async verifyChallenge(
    log: StepLog,
    input: { challengeId: string; signature: Bytes; certificatePem: string; store: ChallengeStore; at: Date; challengeNow: Date },
  ): Promise<ParsedCertificate> {
    const certificate = await log.run("signature", (step) => {
      step.pass("the portal returned a PKCS#1 v1.5 signature and the R certificate", `${input.signature.length}-byte signature`);
      step.message("signature over the challenge (RSASSA-PKCS1-v1_5, SHA-256)", "application/octet-stream", bytesToBase64(input.signature));
      return step.check("the certificate parses as X.509", () => parseCertificate(input.certificatePem), (c) => `serial ${c.serialNumber}`);
    });
    return log.run("verify", async (step) => {
      await step.check(
        "the challenge is fresh and unused, and the signature verifies with the certificate's key",
        () => verifyChallengeAnswer({ challengeId: input.challengeId, signature: input.signature, certificate: certificate.certificate, store: input.store, at: input.challengeNow }),
        () => `challenge ${input.challengeId} used up`,
      );
      await this.checkCertificate(step, certificate, "R", input.at);
      return certificate;
    });
  }

  /** ⑤⑥ / ⑤'⑥': OCSP at J-LIS; only "good" passes. */
  async checkStatus(log: StepLog, certificate: ParsedCertificate, kind: CertificateKind, at: Date): Promise<void> {
    const issuer = await this.root(kind);
    const exchange = await log.run("ocspRequest", (step) =>
      step.check(
        `an OCSP request with a fresh nonce reaches J-LIS /ocsp/${kind.toLowerCase()}`,
        async () => {
          const sent = await exchangeOcsp({ jlis: this.jlis, kind, certificate: certificate.certificate, issuer, policy: this.ocspPolicy });
          step.message("OCSPRequest (RFC 6960), DER", "application/ocsp-request", bytesToBase64(sent.request));
          return sent;
        },
        (sent) => `serial ${certificate.serialNumber}; ${sent.attempts} attempt(s): ${sent.statuses.join(", ")}`,
      ),
    );
    await log.run("ocspResponse", async (step) => {
      step.message("OCSPResponse (RFC 6960), DER", "application/ocsp-response", bytesToBase64(exchange.response));
      const verdict = await step.check(
        "the response is signed by J-LIS's OCSP responder, echoes the nonce, is about this certificate and is current",
        () => believeOcspResponse(exchange, { issuer, certificate: certificate.certificate, at }),
        (v) => `signed by ${v.signedBy === "delegated" ? `delegated responder ${v.responderSubject ?? ""}` : "the CA"}; thisUpdate ${iso(v.single.thisUpdate)}${v.single.nextUpdate ? `, nextUpdate ${iso(v.single.nextUpdate)}` : ""}`,
      );
      await step.check("the certificate's status is good", () => acceptGoodStatus(verdict.single), () => "good");
    });
  }
}
