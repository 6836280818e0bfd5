/**
 * Japanese / English labels (DESIGN.md "For the people who use it"): the label and tone types every UI uses,
 * and the tables both UIs show the same way. JPKI terms as J-LIS writes them.
 */
export type Tone = "good" | "bad" | "warn" | "info" | "neutral";

export interface Label {
  ja: string;
  en: string;
  tone: Tone;
}

/** Japanese first, English beside it: "失効 / Revoked". */
export const label = (l: Pick<Label, "ja" | "en">): string => `${l.ja} / ${l.en}`;

/** A label for a value the table does not know (a newer server): the value itself, neutral — nothing is hidden. */
export function lookup<K extends string, L extends Pick<Label, "ja" | "en">>(table: Record<K, L>, key: string): L | Label {
  return (table as Record<string, L>)[key] ?? { ja: key, en: key, tone: "neutral" };
}

/** A card's life in J-LIS: issued (active) until renewed, reported lost, its holder's death, or expiry. */
export type CardStatus = "active" | "renewed" | "lost" | "holderDeceased" | "expired";

export const CARD_STATUSES: Record<CardStatus, Label> = {
  active: { ja: "有効", en: "Active", tone: "good" },
  renewed: { ja: "更新済", en: "Renewed", tone: "neutral" },
  lost: { ja: "紛失", en: "Lost", tone: "bad" },
  holderDeceased: { ja: "死亡", en: "Holder deceased", tone: "bad" },
  expired: { ja: "期限切れ", en: "Expired", tone: "neutral" },
};

/** 性別, one of the four attributes (基本4情報). */
export type Sex = "male" | "female" | "unspecified";

export const SEXES: Record<Sex, Pick<Label, "ja" | "en">> = {
  male: { ja: "男", en: "Male" },
  female: { ja: "女", en: "Female" },
  unspecified: { ja: "不明", en: "Unspecified" },
};
