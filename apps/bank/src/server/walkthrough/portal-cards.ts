/**
 * The portal's cards as the walkthrough shows them (`GET <portal>/api/cards`, `/api/cards/:id`), read server to
 * server with a short timeout. A sandbox demo only: the bank's journeys never use this. If the portal is down
 * or answers something else, the walkthrough says so instead of failing.
 */
import { ServiceClient } from "@jpki-sandbox/service-kit";
import { z } from "zod";
import type { WalkthroughCard, WalkthroughView } from "../../shared/api-types.js";

/** A walkthrough page should not wait long for a demo aid. */
const PORTAL_TIMEOUT_MS = 3_000;
/** At most this many of the customer's cards are read in detail (for their current S serial). */
const MAX_DETAILED_CARDS = 3;

/** What the walkthrough needs of the portal's CardSummary; anything else it sends is ignored. */
const cardSummarySchema = z.object({ id: z.string().min(1).max(100), holderName: z.string().max(200), status: z.string().max(40), hasSigningCertificate: z.boolean() });
const cardsSchema = z.object({ cards: z.array(cardSummarySchema).max(1000) });
const cardDetailSchema = z.object({ card: z.object({ certificates: z.object({ signing: z.object({ serialNumber: z.string().max(80) }).nullable() }) }) });

/**
 * The demo residents `npm start` seeds, by the name on the card (scripts/demo/personas.mjs; TEST ONLY, printed
 * on purpose). Only 総務 花子, the walkthrough's persona; the start script prints the others' PINs.
 */
const DEMO_PINS: ReadonlyMap<string, NonNullable<WalkthroughCard["demoPins"]>> = new Map([["総務\u3000花子", { userAuth: "1234", signing: "HANAKO2010" }]]);

/** Names compare as the resident register writes them: any run of spaces (half- or full-width) is one U+3000. */
export const sameHolder = (a: string, b: string) => normaliseName(a) === normaliseName(b);
const normaliseName = (name: string) => name.trim().replace(/[\s\u3000]+/g, "\u3000");

export interface PortalCards {
  /** Every card, with the current S serial of those held by `holderName` (the walkthrough's customer). */
  list(holderName: string | undefined): Promise<WalkthroughView["portal"]>;
}

export function createPortalCards(portalUrl: string): PortalCards {
  const client = new ServiceClient({ baseUrl: portalUrl, serviceName: "portal", startHint: "start the sandbox with `npm start`", timeoutMs: PORTAL_TIMEOUT_MS });
  const signingSerialOf = async (id: string): Promise<string | null | undefined> => {
    const parsed = cardDetailSchema.safeParse(await client.getJson(`/api/cards/${encodeURIComponent(id)}`).catch(() => undefined));
    return parsed.success ? (parsed.data.card.certificates.signing?.serialNumber ?? null) : undefined;
  };
  return {
    async list(holderName) {
      let body: unknown;
      try {
        body = await client.getJson("/api/cards");
      } catch (error) {
        return { available: false, error: error instanceof Error ? error.message : String(error) };
      }
      const parsed = cardsSchema.safeParse(body);
      if (!parsed.success) return { available: false, error: "the portal's GET /api/cards answered an unexpected shape" };
      const own = holderName === undefined ? [] : parsed.data.cards.filter((c) => sameHolder(c.holderName, holderName)).slice(-MAX_DETAILED_CARDS);
      const serials = new Map(await Promise.all(own.map(async (c) => [c.id, await signingSerialOf(c.id)] as const)));
      const cards = parsed.data.cards.map((c): WalkthroughCard => {
        const pins = DEMO_PINS.get(normaliseName(c.holderName));
        const serial = serials.get(c.id);
        return { ...c, ...(pins === undefined ? {} : { demoPins: pins }), ...(serial === undefined ? {} : { signingSerial: serial }) };
      });
      return { available: true, cards };
    },
  };
}
