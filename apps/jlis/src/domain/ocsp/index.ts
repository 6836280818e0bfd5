/** The OCSP responder's domain: no HTTP, no Prisma, no process.env (wired in src/app.ts). */
export type { OcspAnswer } from "./answer.js";
export { OCSP_CHAOS_MODES, OCSP_CHAOS_OFF, type OcspChaos, type OcspChaosMode } from "./chaos.js";
export { MAX_NONCE_OCTETS } from "./request-policy.js";
export {
  createOcspService,
  DEFAULT_OCSP_CACHE_SIZE,
  DEFAULT_OCSP_VALIDITY_SECONDS,
  type OcspService,
  type OcspServiceOptions,
  type OcspServiceStats,
} from "./service.js";
export type { OcspAuthority } from "./sign-response.js";
export {
  createInMemoryStatusSource,
  type CertificateStatus,
  type CertificateStatusSource,
  type InMemoryStatusSource,
} from "./status-source.js";
