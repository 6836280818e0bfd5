/** Pieces that describe a card: its status and its PIN counters. */
import { Badge, CARD_STATUSES, LabelBadge, lookup } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import type { CardSummary, PinKind, PinState } from "../../shared/api-types";
import { pinResetHref } from "../lib/links";
import { PIN_RULES } from "../lib/pin-rules";

export { pinResetHref, safeReturnPath } from "../lib/links";

export function CardStatusBadge({ status }: { status: string }) {
  return <LabelBadge l={lookup(CARD_STATUSES, status)} testId="card-status" slash />;
}

/** "残り 2/3" or ロック / Blocked, for one PIN. */
export function PinBadge({ kind, state }: { kind: PinKind; state: PinState }) {
  const rule = PIN_RULES[kind];
  if (state.blocked)
    return (
      <Badge tone="bad" title={`${rule.ja} / ${rule.en}`} testId={`pin-${kind}-blocked`}>
        {rule.certificate}: ロック <span className="badge-en">/ Blocked</span>
      </Badge>
    );
  const tone = state.triesLeft < state.maxTries ? "warn" : "neutral";
  return (
    <Badge tone={tone} title={`${rule.ja} / ${rule.en}`}>
      {rule.certificate}: 残り {state.triesLeft}/{state.maxTries} <span className="badge-en">tries</span>
    </Badge>
  );
}

export function PinResetLink({ cardId, pin }: { cardId: string; pin: PinKind }) {
  return (
    <Link to={pinResetHref(cardId, pin)} data-testid={`pin-reset-${pin}`}>
      窓口でパスワードを初期化 / Reset the PIN at the counter →
    </Link>
  );
}

/** Which certificates a card holds, as S / R marks. */
export function CertificateMarks({ card }: { card: CardSummary }) {
  return (
    <span className="marks">
      <span className={`kind-tag kind-S${card.hasSigningCertificate ? "" : " kind-absent"}`} title={card.hasSigningCertificate ? "署名用電子証明書あり / has S" : "署名用電子証明書なし / no S"}>
        S
      </span>
      <span className="kind-tag kind-R" title="利用者証明用電子証明書 / R">
        R
      </span>
    </span>
  );
}
