/**
 * jlis's operator API (HTTP Basic `admin`, apps/jlis README "Operator console and admin API"): revocation,
 * the certificate registry, the sandbox clock, the chaos knobs. CA certificates are open (`/ca/{s,r}.pem`).
 */
import type { ServiceHttp } from "../http/service-http.js";
import {
  certificateListSchema,
  certificateRecordSchema,
  clockSchema,
  jlisChaosSchema,
  type CertificateRecordJson,
  type JlisChaosJson,
  type REVOCATION_REASONS,
} from "../schemas.js";
import { isoDuration, type ClockAdvance, type SandboxTime } from "./clock.js";

/** The four reasons JPKI uses (JPKI.md "Revocation and status"); certificateHold never. */
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export type CertificateKind = "S" | "R";

/** A certificate as jlis's registry has it (status at sandbox time). */
export interface CertificateRecord {
  serialNumber: string;
  kind: CertificateKind;
  status: "good" | "revoked" | "expired";
  notBefore: Date;
  notAfter: Date;
  revokedAt?: Date;
  revocationReason?: string;
  residentId?: string;
  cardId?: string;
  /** The S this one succeeded (after a move, a new name, a renewal). */
  predecessorSerialNumber?: string;
  pem: string;
}

export interface CertificateQuery {
  kind?: CertificateKind;
  status?: "good" | "revoked" | "expired";
  residentId?: string;
  limit?: number;
}

const time = (json: { now: string; offsetMs: number }): SandboxTime => ({ now: new Date(json.now), offsetMs: json.offsetMs });

export function certificateRecordOf(json: CertificateRecordJson): CertificateRecord {
  return {
    serialNumber: json.serialNumber,
    kind: json.kind,
    status: json.status,
    notBefore: new Date(json.notBefore),
    notAfter: new Date(json.notAfter),
    ...(json.revokedAt ? { revokedAt: new Date(json.revokedAt) } : {}),
    ...(json.revocationReason ? { revocationReason: json.revocationReason } : {}),
    ...(json.residentId ? { residentId: json.residentId } : {}),
    ...(json.cardId ? { cardId: json.cardId } : {}),
    ...(json.predecessorSerialNumber ? { predecessorSerialNumber: json.predecessorSerialNumber } : {}),
    pem: json.pem,
  };
}

export class JlisAdmin {
  constructor(private readonly http: ServiceHttp) {}

  async revoke(serial: string, reason: RevocationReason): Promise<CertificateRecord> {
    const json = await this.http.json(`/admin/api/certificates/${encodeURIComponent(serial)}/revoke`, {
      method: "POST",
      operator: true,
      body: { reason },
      schema: certificateRecordSchema,
      what: `revoking certificate ${serial}`,
    });
    return certificateRecordOf(json);
  }

  async certificates(query: CertificateQuery = {}): Promise<CertificateRecord[]> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const json = await this.http.json(`/admin/api/certificates${search.size > 0 ? `?${search}` : ""}`, { operator: true, schema: certificateListSchema, what: "listing certificates" });
    return json.certificates.map(certificateRecordOf);
  }

  async clock(): Promise<SandboxTime> {
    return time(await this.http.json("/clock", { schema: clockSchema, what: "reading the sandbox clock" }));
  }

  async advanceClock(by: ClockAdvance): Promise<SandboxTime> {
    const advance = isoDuration(by);
    return time(await this.http.json("/admin/api/clock", { method: "POST", operator: true, body: { advance }, schema: clockSchema, what: `advancing the sandbox clock by ${advance}` }));
  }

  async resetClock(): Promise<SandboxTime> {
    return time(await this.http.json("/admin/api/clock", { method: "POST", operator: true, body: { reset: true }, schema: clockSchema, what: "resetting the sandbox clock" }));
  }

  getChaos(): Promise<JlisChaosJson> {
    return this.http.json("/admin/api/chaos", { operator: true, schema: jlisChaosSchema, what: "reading jlis's chaos settings" });
  }

  putChaos(chaos: JlisChaosJson): Promise<JlisChaosJson> {
    return this.http.json("/admin/api/chaos", { method: "PUT", operator: true, body: chaos, schema: jlisChaosSchema, what: "changing jlis's chaos settings" });
  }

  /** The S or R CA certificate (PEM), open like production PKI. */
  async caCertificatePem(kind: CertificateKind): Promise<string> {
    const bytes = await this.http.bytes(`/ca/${kind.toLowerCase()}.pem`, { accept: "application/x-pem-file, */*", what: `fetching the ${kind} CA certificate` });
    return new TextDecoder().decode(bytes);
  }
}
