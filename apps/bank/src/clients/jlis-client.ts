/**
 * JlisServices over HTTP: jlis's open services (clock, CA certificates — fetched once, they never change
 * under a running jlis — and OCSP) and its linkage API with the bank's accredited-verifier credential.
 */
import { bytesToBase64, type Bytes } from "@jpki-sandbox/jpki-core";
import { ServiceClient, type BasicAuth } from "@jpki-sandbox/service-kit";
import type { CertificateKind, JlisServices } from "../domain/ports.js";
import { mapServiceErrors } from "./errors.js";

export function createJlisClient(baseUrl: string, credential: () => BasicAuth, options: { timeoutMs?: number } = {}): JlisServices {
  const client = new ServiceClient({ baseUrl, serviceName: "jlis", startHint: "start the sandbox with `npm start`", ...options });
  const ca = new Map<CertificateKind, Promise<Bytes>>();
  const open = <T>(work: () => Promise<T>) => mapServiceErrors(work, { unavailable: "JLIS_UNAVAILABLE", refused: "JLIS_UNAVAILABLE" });
  const linkage = <T>(work: () => Promise<T>) => mapServiceErrors(work, { unavailable: "LINKAGE_UNAVAILABLE", refused: "LINKAGE_REFUSED" });
  const signing = (serial: string) => `/linkage/v1/signing-certificates/${encodeURIComponent(serial)}`;

  return {
    async now() {
      const { offsetMs } = await open(() => client.getJson<{ now: string; offsetMs: number }>("/clock"));
      return new Date(Date.now() + offsetMs);
    },
    caCertificate(kind) {
      let cached = ca.get(kind);
      if (!cached) {
        cached = open(() => client.getBytes(`/ca/${kind.toLowerCase()}.cer`, "application/pkix-cert"));
        cached.catch(() => ca.delete(kind));
        ca.set(kind, cached);
      }
      return cached;
    },
    ocsp: (kind, request) => open(() => client.postBytes(`/ocsp/${kind.toLowerCase()}`, request, "application/ocsp-request", "application/ocsp-response")),
    async userAuthSerialOf(signingSerial) {
      const answer = await linkage(() => client.getJson<{ userAuthCertificate: { serialNumber: string } }>(`${signing(signingSerial)}/user-auth-certificate`, credential()));
      return answer.userAuthCertificate.serialNumber;
    },
    async currentSigningCertificateOf(signingSerial) {
      const answer = await linkage(() =>
        client.getJson<{ currentSigningCertificate: { serialNumber: string; pem: string; status: string }; succession: string[] }>(`${signing(signingSerial)}/current-signing-certificate`, credential()),
      );
      const { serialNumber, pem, status } = answer.currentSigningCertificate;
      return { serialNumber, pem, status, succession: answer.succession };
    },
    async latestAttributes(consentCms) {
      const answer = await linkage(() =>
        client.postJson<{ attributes: { name: string; dateOfBirth: string | null; sex: string; address: string } }>("/linkage/v1/attributes", { consent: bytesToBase64(consentCms) }, credential()),
      );
      return answer.attributes;
    },
  };
}

