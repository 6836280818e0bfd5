/**
 * A small typed client for the citizen portal's operator API (apps/portal, HTTP Basic `admin`): the CLI's
 * service client named "portal", so its errors are PORTAL_PROBLEM, PORTAL_UNREACHABLE and PORTAL_BAD_RESPONSE.
 */
import type { Persona } from "@jpki-sandbox/jpki-core";
import type { BasicCredential } from "./credentials.js";
import { DEFAULT_PORTAL_URL, type CliEnv } from "./env.js";
import { CliError } from "./io.js";
import { CliServiceClient, resolveServiceUrl, type CliServiceClientOptions } from "./service-client.js";

/** How to get a portal when none answers: the end of every PORTAL_UNREACHABLE message. */
const START_HINT = "start the sandbox with `npm start` at the repository root, or point --portal / JPKI_PORTAL_URL at a running portal";

export const PORTAL_PATHS = {
  citizens: "/api/v1/counter/citizens",
  /** The wallet page of a card (the portal's web UI), where its holder uses it. */
  wallet: (cardId: string) => `/cards/${encodeURIComponent(cardId)}`,
} as const;

/** The body of POST /api/v1/counter/citizens. */
export interface CitizenRequest {
  persona: Persona;
  userAuthPin?: string;
  signingPin?: string;
}

/** Its 201 answer: the card the portal issued; S members null when no S was issued (an under-15). */
export interface IssuedCitizen {
  residentId: string;
  cardId: string;
  sSerial: string | null;
  rSerial: string;
  sCertificate: string | null;
  rCertificate: string;
  expiresAt: string;
}

/** The base URL from --portal, else JPKI_PORTAL_URL, else the default; without a trailing slash. */
export function resolvePortalUrl(flag: string | undefined, env: CliEnv): string {
  return resolveServiceUrl(flag, env.portalUrl, DEFAULT_PORTAL_URL, { flag: "--portal", env: "JPKI_PORTAL_URL" });
}

export type PortalClientOptions = CliServiceClientOptions;

export class PortalClient extends CliServiceClient {
  constructor(options: PortalClientOptions) {
    super("portal", START_HINT, options);
  }

  /** The counter registers the persona at jlis and issues a virtual card: keys made on the card, certificates from jlis. */
  async createCitizen(request: CitizenRequest, operator: BasicCredential): Promise<IssuedCitizen> {
    const answer = await this.postJson<unknown>(PORTAL_PATHS.citizens, request, operator);
    if (!isIssuedCitizen(answer)) {
      throw new CliError("PORTAL_BAD_RESPONSE", `the portal answered ${PORTAL_PATHS.citizens} without the card's ids, serials and certificates`);
    }
    return answer;
  }

  walletUrl(cardId: string): string {
    return this.url(PORTAL_PATHS.wallet(cardId));
  }
}

function isIssuedCitizen(value: unknown): value is IssuedCitizen {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const text = (key: string) => typeof v[key] === "string" && v[key] !== "";
  const textOrNull = (key: string) => v[key] === null || text(key);
  return text("residentId") && text("cardId") && text("rSerial") && text("rCertificate") && text("expiresAt") && textOrNull("sSerial") && textOrNull("sCertificate");
}
