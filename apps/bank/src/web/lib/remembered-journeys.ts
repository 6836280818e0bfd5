/**
 * The journeys this browser started, remembered in localStorage for the walkthrough (GET /api/walkthrough takes
 * their ids; the bank answers only those this browser owns). Newest first, a few dozen at most; a browser
 * without storage simply remembers nothing.
 */
const KEY = "sandbox-bank.journeys";
/** Keep in step with the server's MAX_WALKTHROUGH_JOURNEYS (it reads at most that many). */
export const MAX_REMEMBERED = 30;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): StorageLike | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings)
  }
}

export function rememberedJourneyIds(store: StorageLike | undefined = storage()): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)).slice(0, MAX_REMEMBERED) : [];
  } catch {
    return [];
  }
}

export function rememberJourney(id: string, store: StorageLike | undefined = storage()): void {
  if (store === undefined) return;
  const ids = [id, ...rememberedJourneyIds(store).filter((known) => known !== id)].slice(0, MAX_REMEMBERED);
  try {
    store.setItem(KEY, JSON.stringify(ids));
  } catch {
    // full or disabled: the walkthrough just knows less
  }
}
