/** Hash routing for the console (`#/certificates?kind=S&status=good`): no router dependency needed. */
export const PAGES = [
  { id: "overview", ja: "概要", en: "Overview" },
  { id: "residents", ja: "住民", en: "Residents" },
  { id: "certificates", ja: "証明書", en: "Certificates" },
  { id: "crls", ja: "CRL", en: "Revocation lists" },
  { id: "clock", ja: "時計", en: "Clock" },
  { id: "chaos", ja: "障害注入", en: "Chaos" },
  { id: "verifiers", ja: "署名検証者", en: "Verifiers" },
  { id: "audit", ja: "監査ログ", en: "Audit log" },
] as const;

export type PageId = (typeof PAGES)[number]["id"];

export interface Route {
  page: PageId;
  params: URLSearchParams;
}

const isPage = (id: string): id is PageId => PAGES.some((p) => p.id === id);

/** "#/certificates?kind=S" → { page: "certificates", params: kind=S }; anything unknown → overview. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/\/+$/, "");
  const params = new URLSearchParams(q === -1 ? "" : raw.slice(q + 1));
  return { page: isPage(path) ? path : "overview", params };
}

/** The hash for a page, with only the non-empty parameters. */
export function routeHref(page: PageId, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, value);
  const qs = search.toString();
  return `#/${page}${qs === "" ? "" : `?${qs}`}`;
}
