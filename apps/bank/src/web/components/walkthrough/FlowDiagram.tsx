/**
 * The slide's flow (JPKI.md "The flow") as a sequence diagram in HTML/CSS: the four parties as lifelines, one
 * row per numbered message, account opening with S (①–⑧) above login with R (①'–⑥').
 */
import type { CSSProperties } from "react";

/** Lifelines, left to right. */
const PARTIES = [
  { key: "citizen", ja: "利用者とカード", en: "Citizen + My Number Card", note: "S 鍵・R 鍵はカードの中 / keys stay on the chip" },
  { key: "portal", ja: "ポータル", en: "Portal", note: "スマホ JPKI アプリの役 / the smartphone JPKI app's role" },
  { key: "bank", ja: "銀行", en: "Bank", note: "署名検証者 / accredited verifier" },
  { key: "jlis", ja: "J-LIS（模擬）", en: "Mock J-LIS", note: "OCSP · 紐付け / linkage" },
] as const;

type Party = 0 | 1 | 2 | 3;
const CITIZEN: Party = 0;
const PORTAL: Party = 1;
const BANK: Party = 2;
const JLIS: Party = 3;

interface Row {
  n: string;
  from: Party;
  /** Same as `from`: a step inside one party (④ verify). */
  to: Party;
  ja: string;
  en: string;
}

const OPENING: Row[] = [
  { n: "①", from: CITIZEN, to: BANK, ja: "申込書を入力", en: "fill in the application" },
  { n: "②", from: BANK, to: PORTAL, ja: "署名依頼（申込書）", en: "sign request (the document)" },
  { n: "②", from: PORTAL, to: CITIZEN, ja: "S PIN → カードが S 鍵で署名", en: "S PIN: the card signs with S" },
  { n: "③", from: PORTAL, to: BANK, ja: "申込書 + 署名 + S 証明書（CMS）", en: "application + signature + S certificate (CMS)" },
  { n: "④", from: BANK, to: BANK, ja: "署名・チェーン・有効期間を検証", en: "verify signature, chain, validity" },
  { n: "⑤", from: BANK, to: JLIS, ja: "S は有効？（OCSP 要求）", en: "is S valid? (OCSP request)" },
  { n: "⑥", from: JLIS, to: BANK, ja: "有効（OCSP 応答）→ 基本4情報を照合・登録", en: "good (OCSP response) → match the four attributes, register" },
  { n: "⑦", from: BANK, to: JLIS, ja: "S シリアル（例 S1111）", en: "S serial (e.g. S1111)" },
  { n: "⑧", from: JLIS, to: BANK, ja: "R シリアル（例 R2222）→ S–R 紐付けを保存", en: "R serial (e.g. R2222) → keep the S–R link" },
];

const LOGIN: Row[] = [
  { n: "①'", from: BANK, to: PORTAL, ja: "チャレンジ（乱数）", en: "challenge (a random nonce)" },
  { n: "②'", from: PORTAL, to: CITIZEN, ja: "R PIN → カードが R 鍵で署名", en: "R PIN: the card signs with R" },
  { n: "③'", from: PORTAL, to: BANK, ja: "署名 + R 証明書", en: "signature + R certificate" },
  { n: "④'", from: BANK, to: BANK, ja: "署名・チェーン・有効期間を検証", en: "verify signature, chain, validity" },
  { n: "⑤'", from: BANK, to: JLIS, ja: "R は有効？（OCSP 要求）", en: "is R valid? (OCSP request)" },
  { n: "⑥'", from: JLIS, to: BANK, ja: "有効 → R シリアルで本人を特定", en: "good → the R serial says who it is" },
];

/** Each party spans two of eight columns; its lifeline is grid line 2i + 2. One message per grid row. */
function placement(row: Row, index: number): CSSProperties {
  const gridRow = `${index + 1}`;
  if (row.from === row.to) return { gridRow, gridColumn: `${2 * row.from + 1} / ${2 * row.from + 3}` };
  const [a, b] = row.from < row.to ? [row.from, row.to] : [row.to, row.from];
  return { gridRow, gridColumn: `${2 * a + 2} / ${2 * b + 2}` };
}

function Message({ row, index, flow }: { row: Row; index: number; flow: "S" | "R" }) {
  const self = row.from === row.to;
  const direction = self ? "self" : row.from < row.to ? "right" : "left";
  return (
    <li className={`seq-row seq-${flow}`}>
      <div className={`seq-msg seq-${direction}`} style={placement(row, index)}>
        <span className="seq-label">
          <span className="seq-num">{row.n}</span> {row.ja} <span className="seq-en">/ {row.en}</span>
        </span>
        {!self && <span className="seq-arrow" aria-hidden="true" />}
      </div>
    </li>
  );
}

export function FlowDiagram() {
  const who = (p: Party) => `${PARTIES[p].ja} / ${PARTIES[p].en}`;
  return (
    <figure className="seq" data-testid="flow-diagram">
      <figcaption className="visually-hidden">
        口座開設（①–⑧）とログイン（①'–⑥'）の流れ / The account opening (①–⑧) and login (①'–⑥') flows
      </figcaption>
      <div className="seq-parties" aria-hidden="true">
        {PARTIES.map((p) => (
          <div key={p.key} className={`seq-party seq-party-${p.key}`}>
            <strong>{p.ja}</strong>
            <span>{p.en}</span>
            <small>{p.note}</small>
          </div>
        ))}
      </div>
      <div className="seq-section seq-section-S">
        <span className="kind-tag kind-S">S</span> 初回：口座開設（署名用電子証明書） / First time: account opening, signed with S
      </div>
      <ol className="seq-rows" aria-hidden="true">
        {OPENING.map((row, i) => (
          <Message key={`o${i}`} row={row} index={i} flow="S" />
        ))}
      </ol>
      <div className="seq-section seq-section-R">
        <span className="kind-tag kind-R">R</span> 2回目から：ログイン（利用者証明用電子証明書） / Next times: login with R
      </div>
      <ol className="seq-rows" aria-hidden="true">
        {LOGIN.map((row, i) => (
          <Message key={`l${i}`} row={row} index={i} flow="R" />
        ))}
      </ol>
      {/* The same flow in words, for screen readers (the diagram's geometry carries the direction). */}
      <ul className="visually-hidden">
        {[...OPENING, ...LOGIN].map((row, i) => (
          <li key={i}>
            {row.n} {who(row.from)} → {who(row.to)}: {row.ja} / {row.en}
          </li>
        ))}
      </ul>
    </figure>
  );
}
