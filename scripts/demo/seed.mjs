// Seeds the demo at start: one card per demo resident at the portal's counter (operator API, HTTP Basic
// admin), unless the portal already holds a card for that person (a restart keeps its data, so a second
// `npm start` seeds nothing). Dependency-free apart from jpki-core's HANAKO, which is built by then.
import { DEMO_RESIDENTS } from "./personas.mjs";

/**
 * @param {{ portalUrl: string, adminPassword: string, fetch?: typeof fetch }} options
 * @returns {Promise<Array<{ resident: import("./personas.mjs").DemoResident, cardId: string, seeded: boolean }>>}
 */
export async function seedDemo({ portalUrl, adminPassword, fetch: fetchImpl = fetch }) {
  const { HANAKO } = await import("@jpki-sandbox/jpki-core");
  const authorization = `Basic ${Buffer.from(`admin:${adminPassword}`).toString("base64")}`;
  const listed = await fetchImpl(`${portalUrl}/api/cards`);
  if (!listed.ok) throw new Error(`the portal's card list answered ${listed.status}: ${await listed.text()}`);
  /** @type {{ cards: Array<{ id: string, holderName: string, status: string }> }} */
  const { cards } = await listed.json();

  const results = [];
  for (const resident of DEMO_RESIDENTS) {
    const persona = resident.persona === "hanako" ? HANAKO : resident.persona;
    const held = cards.find((card) => card.holderName === persona.name);
    if (held) {
      results.push({ resident, cardId: held.id, seeded: false });
      continue;
    }
    const body = { persona, userAuthPin: resident.userAuthPin, ...(resident.signingPin ? { signingPin: resident.signingPin } : {}) };
    const response = await fetchImpl(`${portalUrl}/api/v1/counter/citizens`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`issuing ${resident.label}'s card answered ${response.status}: ${await response.text()}`);
    }
    const { cardId } = await response.json();
    results.push({ resident, cardId, seeded: true });
  }
  return results;
}
