/**
 * JlisCounter over HTTP: jlis's municipal-counter API with the portal's counter credential, plus its open
 * services (clock, CA certificates — fetched once, they never change under us — and OCSP). jlis's refusals become JLIS_REFUSED with jlis's own code; a jlis
 * that cannot be reached becomes JLIS_UNAVAILABLE saying how to start it.
 */
import type { Bytes, Persona } from "@jpki-sandbox/jpki-core";
import { ServiceClient, ServiceProblemError, ServiceUnreachableError } from "@jpki-sandbox/service-kit";
import { PortalError } from "../domain/errors.js";
import type { ResidentAddress } from "../shared/api-types.js";
import type { JlisCounter, JlisIssuedCard } from "../domain/ports.js";

export interface JlisCounterCredential {
  user: string;
  password: string;
}


export function createJlisCounterClient(baseUrl: string, credential: () => JlisCounterCredential): JlisCounter {
  const client = new ServiceClient({ baseUrl, serviceName: "jlis", startHint: "start the sandbox with `npm start`" });
  const caCache = new Map<"S" | "R", Promise<Bytes>>();
  /** The offset of the last clock reading: asked afresh by every now() (the operator may just have moved it). */
  let offsetMs = 0;

  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ServiceUnreachableError) throw new PortalError("JLIS_UNAVAILABLE", error.message, { cause: error });
      if (error instanceof ServiceProblemError) {
        const code = error.status >= 500 ? "JLIS_UNAVAILABLE" : "JLIS_REFUSED";
        throw new PortalError(code, `jlis: ${error.message}`, { cause: error, details: { jlisCode: error.problem?.code, jlisStatus: error.status } });
      }
      throw error;
    }
  };
  const post = <T>(path: string, body: unknown) => call(() => client.postJson<T>(path, body, credential()));
  const card = (cardId: string, event: string) => `/api/v1/cards/${encodeURIComponent(cardId)}/${event}`;

  return {
    async registerResident(persona: Persona) {
      const { id: _id, requestSigningCertificate: _wish, ...resident } = persona;
      const { resident: registered } = await post<{ resident: { id: string } }>("/api/v1/residents", resident);
      return registered;
    },
    issueCard: (residentId, request) => post<JlisIssuedCard>(`/api/v1/residents/${encodeURIComponent(residentId)}/cards`, request),
    changeAddress: (cardId, address: ResidentAddress, signingCsr) => post(card(cardId, "address-change"), { ...address, ...(signingCsr ? { signingCsr } : {}) }),
    changeName: (cardId, name, signingCsr) => post(card(cardId, "name-change"), { name, ...(signingCsr ? { signingCsr } : {}) }),
    renew: (cardId, request) => post(card(cardId, "renewal"), request),
    reportLoss: (cardId) => post(card(cardId, "loss"), {}),
    async now() {
      offsetMs = (await call(() => client.getJson<{ now: string; offsetMs: number }>("/clock"))).offsetMs;
      return new Date(Date.now() + offsetMs);
    },
    lastKnownNow: () => new Date(Date.now() + offsetMs),
    caCertificate(kind) {
      let cached = caCache.get(kind);
      if (!cached) {
        cached = call(() => client.getBytes(`/ca/${kind.toLowerCase()}.cer`, "application/pkix-cert"));
        cached.catch(() => caCache.delete(kind));
        caCache.set(kind, cached);
      }
      return cached;
    },
    ocsp: (kind, request) =>
      call(() => client.postBytes(`/ocsp/${kind.toLowerCase()}`, request, "application/ocsp-request", "application/ocsp-response")),
  };
}
