/** The JSON shapes of jlis's answers the CLI reads (apps/jlis README "HTTP API"), as far as it reads them. */

export interface CertificateRecord {
  /** Hex, lower case. */
  serialNumber: string;
  kind: "S" | "R";
  status: "good" | "revoked" | "expired";
  notBefore: string;
  notAfter: string;
  revokedAt?: string;
  revocationReason?: string;
  subject?: string;
  pem: string;
}

export interface SandboxClockState {
  now: string;
  offsetMs: number;
}

/** Paths of the API, in one place. */
export const JLIS_PATHS = {
  revoke: (serial: string) => `/admin/api/certificates/${encodeURIComponent(serial)}/revoke`,
  clock: "/clock",
  adminClock: "/admin/api/clock",
  caCertificate: (kind: "S" | "R") => `/ca/${kind.toLowerCase()}.cer`,
  ocsp: (kind: "S" | "R") => `/ocsp/${kind.toLowerCase()}`,
} as const;
