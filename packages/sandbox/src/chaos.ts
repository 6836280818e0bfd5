/**
 * Chaos knobs for rehearsing what relying parties must survive (DESIGN.md "Beyond the slide"), in one flat
 * shape: jlis's OCSP responder (`tryLater`, `unknown` for every certificate, `stale` answers, a delay) and
 * linkage API (`unavailable`, a delay), and the portal's signing results (`tamper`: one byte of the signed
 * document inside the CMS, or of the auth signature, changed before the bank redeems it).
 */
import type { ServiceHttp } from "./http/service-http.js";
import { portalChaosSchema, type JlisChaosJson, type LINKAGE_CHAOS_MODES, type OCSP_CHAOS_MODES, type SIGNING_RESULT_CHAOS } from "./schemas.js";

export type OcspChaos = (typeof OCSP_CHAOS_MODES)[number];
export type LinkageChaos = (typeof LINKAGE_CHAOS_MODES)[number];
export type SigningResultChaos = (typeof SIGNING_RESULT_CHAOS)[number];

/** jlis's knobs (GET/PUT /admin/api/chaos at jlis). */
export interface JlisChaos {
  ocsp: OcspChaos;
  /** Real milliseconds before each OCSP answer. */
  ocspDelayMs: number;
  linkage: LinkageChaos;
  linkageDelayMs: number;
}

/** The portal's knob (GET/PUT /admin/api/chaos at the portal). */
export interface PortalChaos {
  signingResult: SigningResultChaos;
}

/** Any of both, for withChaos: only the knobs named are changed (and restored). */
export type ChaosSettings = Partial<JlisChaos> & Partial<PortalChaos>;

export const CHAOS_OFF: Readonly<JlisChaos & PortalChaos> = Object.freeze({ ocsp: "off", ocspDelayMs: 0, linkage: "off", linkageDelayMs: 0, signingResult: "off" });

export function flatJlisChaos(json: JlisChaosJson): JlisChaos {
  return { ocsp: json.ocsp.mode, ocspDelayMs: json.ocsp.delayMs, linkage: json.linkage.mode, linkageDelayMs: json.linkage.delayMs };
}

export function jlisChaosJson(chaos: JlisChaos): JlisChaosJson {
  return { ocsp: { mode: chaos.ocsp, delayMs: chaos.ocspDelayMs }, linkage: { mode: chaos.linkage, delayMs: chaos.linkageDelayMs } };
}

/** The jlis part of `settings`, or undefined when it names none of jlis's knobs. */
export function jlisPart(settings: ChaosSettings): Partial<JlisChaos> | undefined {
  const { ocsp, ocspDelayMs, linkage, linkageDelayMs } = settings;
  const part = Object.fromEntries(Object.entries({ ocsp, ocspDelayMs, linkage, linkageDelayMs }).filter(([, value]) => value !== undefined)) as Partial<JlisChaos>;
  return Object.keys(part).length > 0 ? part : undefined;
}

export class PortalChaosApi {
  constructor(private readonly http: ServiceHttp) {}

  async get(): Promise<PortalChaos> {
    const { signingResult } = await this.http.json("/admin/api/chaos", { operator: true, schema: portalChaosSchema, what: "reading the portal's chaos settings" });
    return { signingResult };
  }

  async set(chaos: PortalChaos): Promise<PortalChaos> {
    const { signingResult } = await this.http.json("/admin/api/chaos", {
      method: "PUT",
      operator: true,
      body: { signingResult: chaos.signingResult },
      schema: portalChaosSchema,
      what: "changing the portal's chaos settings",
    });
    return { signingResult };
  }
}
