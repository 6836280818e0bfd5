/**
 * 署名の確認 / Approval: a bank sent the browser here (DESIGN.md "Bank ↔ portal"). The citizen sees who asks
 * and what, picks a card, enters the PIN of the certificate the request needs (S to sign ②, R to log in ②'),
 * and the browser goes back to the bank with a one-time code — or with nothing, on キャンセル / Cancel.
 */
import { Badge, formatJst, groupHex, LabelBadge, NextSteps, Notice, PageHeader, ProblemBox, ResourceView, SubmitButton, useAction, useResource } from "@jpki-sandbox/web-kit";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { ApprovalView, CardSummary } from "../../shared/api-types";
import { api } from "../api";
import { CardStatusBadge, PinBadge, pinResetHref } from "../components/cardBits";
import { PinEntry } from "../components/PinFields";
import { Crumbs } from "../components/ui";
import { pinAvailable, pinKindFor, withPinTries } from "../lib/card";
import { formatBytes } from "../lib/format";
import { APPROVAL_KINDS, APPROVAL_STATUSES, CERTIFICATE_KINDS } from "../lib/labels";
import { PIN_RULES, isValidPin } from "../lib/pin-rules";
import { triesLeftOf } from "../lib/problem";
import { NotFoundPage } from "./NotFoundPage";

function What({ approval }: { approval: ApprovalView }) {
  if (approval.kind === "sign") {
    const d = approval.document;
    if (d === null) return <p className="muted">文書の情報がありません / No document details</p>;
    return (
      <div data-testid="approval-document">
        <h3>
          署名する文書 <span className="h-en">/ The document you sign</span>
        </h3>
        {d.text !== null ? (
          <pre className="document-text">{d.text}</pre>
        ) : (
          <p className="muted">テキストではない文書です / Not a text document</p>
        )}
        <dl className="kv kv-compact">
          <dt>種類 / Type</dt>
          <dd>
            <code>{d.contentType}</code>
          </dd>
          <dt>大きさ / Size</dt>
          <dd>{formatBytes(d.size)}</dd>
          <dt>SHA-256</dt>
          <dd>
            <code className="break">{d.sha256}</code>
          </dd>
        </dl>
      </div>
    );
  }
  return (
    <div data-testid="approval-challenge">
      <h3>
        チャレンジ <span className="h-en">/ The challenge the card signs</span>
      </h3>
      <p className="small muted">
        利用者証明用電子証明書には個人情報が含まれません。銀行はシリアル番号であなたを識別します / The R certificate
        carries no personal data: the bank recognises you by its serial number.
      </p>
      <code className="hex break">{approval.challenge === null ? "—" : groupHex(approval.challenge)}</code>
    </div>
  );
}

function CardChoice({ card, approval, selected, onSelect, disabled }: { card: CardSummary; approval: ApprovalView; selected: boolean; onSelect: () => void; disabled: boolean }) {
  const pin = pinKindFor(approval.kind);
  const availability = pinAvailable(card, pin);
  const state = pin === "signing" ? card.pins.signing : card.pins.userAuth;
  return (
    <label className={`choice${selected ? " selected" : ""}${availability === "ok" ? "" : " choice-disabled"}`}>
      <input
        type="radio"
        name="card"
        value={card.id}
        checked={selected}
        onChange={onSelect}
        disabled={disabled || availability !== "ok"}
        data-testid={`approval-card-${card.id}`}
      />
      <span>
        <span className="choice-title">{card.holderName}</span>
        <span className="choice-help mono">{card.id}</span>
        {card.status !== "active" && (
          <span className="choice-help text-bad">
            このカードは有効ではありません（失効・期限切れ）。署名はできますが、銀行の確認（OCSP・有効期間）で拒否されます / This card
            is no longer valid (revoked or expired): it still signs, but the bank's checks (OCSP, validity) will refuse it.
          </span>
        )}
        <span className="choice-help">
          {card.status !== "active" && <CardStatusBadge status={card.status} />}{" "}
          {state !== null && <PinBadge kind={pin} state={state} />}{" "}
          {availability === "blocked" && (
            <Link to={pinResetHref(card.id, pin, `/approve/${encodeURIComponent(approval.id)}`)}>窓口でパスワードを初期化 / Reset the PIN at the counter →</Link>
          )}
        </span>
      </span>
    </label>
  );
}

/** An expired request can still be cancelled, so the browser always has a way back to the bank. */
function BackToBank({ approvalId }: { approvalId: string }) {
  const { busy, problem, run } = useAction();
  const back = async () => {
    const result = await run(() => api.cancelApproval(approvalId));
    if (result !== undefined) window.location.assign(result.redirectTo);
  };
  return (
    <div className="action-bar">
      {problem !== null && <ProblemBox problem={problem} />}
      <button type="button" className="btn" onClick={() => void back()} disabled={busy} data-testid="back-to-bank">
        銀行に戻る / Back to the bank
      </button>
    </div>
  );
}

function Pending({ approval, onCardsChange }: { approval: ApprovalView; onCardsChange: (cards: CardSummary[]) => void }) {
  const pinKind = pinKindFor(approval.kind);
  const usable = approval.cards.filter((c) => pinAvailable(c, pinKind) === "ok");
  const [cardId, setCardId] = useState<string | null>(usable.length === 1 ? (usable[0]?.id ?? null) : null);
  const [pin, setPin] = useState("");
  const [closed, setClosed] = useState<"expired" | "notPending" | null>(null);
  const [blockedCard, setBlockedCard] = useState<string | null>(null);
  const pinInput = useRef<HTMLInputElement>(null);
  // Focus the PIN after a wrong one, once the field is enabled again (it is disabled while the request runs).
  const [focusPin, setFocusPin] = useState(0);
  useEffect(() => {
    if (focusPin > 0) pinInput.current?.focus();
  }, [focusPin]);
  const { busy, problem, run } = useAction();
  const [leaving, setLeaving] = useState(false);
  const kind = APPROVAL_KINDS[approval.kind];
  const rule = PIN_RULES[pinKind];
  const disabled = busy || leaving || closed !== null;

  const onProblem = (forCard: string, code: string, triesLeft: number | null) => {
    if (code === "PIN_INCORRECT" && triesLeft !== null) {
      onCardsChange(approval.cards.map((c) => (c.id === forCard ? withPinTries(c, pinKind, triesLeft) : c)));
      if (triesLeft <= 0) setBlockedCard(forCard);
      setPin("");
      setFocusPin((n) => n + 1);
    } else if (code === "PIN_BLOCKED") {
      onCardsChange(approval.cards.map((c) => (c.id === forCard ? withPinTries(c, pinKind, 0) : c)));
      setBlockedCard(forCard);
      setPin("");
    } else if (code === "APPROVAL_EXPIRED") setClosed("expired");
    else if (code === "APPROVAL_NOT_PENDING") setClosed("notPending");
  };

  const approve = async (e: FormEvent) => {
    e.preventDefault();
    if (cardId === null || !isValidPin(pinKind, pin)) return;
    const result = await run(
      () => api.approve(approval.id, { cardId, pin }),
      (p) => onProblem(cardId, p.code, triesLeftOf(p)),
    );
    if (result !== undefined) {
      setLeaving(true);
      window.location.assign(result.redirectTo);
    }
  };
  const cancel = async () => {
    const result = await run(
      () => api.cancelApproval(approval.id),
      (p) => {
        if (p.code === "APPROVAL_EXPIRED") setClosed("expired");
        else if (p.code === "APPROVAL_NOT_PENDING") setClosed("notPending");
      },
    );
    if (result !== undefined) {
      setLeaving(true);
      window.location.assign(result.redirectTo);
    }
  };

  const triesLeft = problem?.code === "PIN_INCORRECT" ? triesLeftOf(problem) : null;

  return (
    <form className="card approval-form" onSubmit={(e) => void approve(e)} noValidate>
      <h2>
        カードとパスワード <span className="h-en">/ Card and PIN</span>
      </h2>
      {approval.cards.length === 0 ? (
        <div className="warning-box" data-testid="no-cards">
          この依頼に使えるカードがありません（{CERTIFICATE_KINDS[kind.certificate].ja}を持つ有効なカードが必要です） / No card can answer
          this request: it needs an active card with the {CERTIFICATE_KINDS[kind.certificate].en}.{" "}
          <Link to="/counter">市区町村窓口でカードを発行 / Issue a card at the municipal counter →</Link>
        </div>
      ) : (
        <fieldset className="fieldset">
          <legend>カードを選ぶ / Choose the card</legend>
          {approval.cards.map((c) => (
            <CardChoice key={c.id} card={c} approval={approval} selected={cardId === c.id} onSelect={() => setCardId(c.id)} disabled={disabled} />
          ))}
        </fieldset>
      )}
      {approval.cards.length > 0 && (
        <PinEntry kind={pinKind} value={pin} onChange={setPin} disabled={disabled} testId="approval-pin" inputRef={pinInput} />
      )}

      {problem !== null && (
        <ProblemBox problem={problem}>
          {problem.code === "PIN_INCORRECT" && (
            <p className="problem-lead" data-testid="pin-incorrect">
              パスワードが違います / Wrong PIN
              {triesLeft !== null && ` — 残り ${triesLeft} 回 / ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left`}
              {triesLeft === 1 && "。次に間違えるとロックされます / one more wrong PIN locks it."}
            </p>
          )}
          {(problem.code === "PIN_BLOCKED" || (problem.code === "PIN_INCORRECT" && triesLeft === 0)) && blockedCard !== null && (
            <p className="problem-lead" data-testid="pin-blocked">
              {rule.ja}がロックされました。市区町村窓口で初期化してください / The {rule.en} is locked; it can only be reset at the municipal counter.{" "}
              <Link to={pinResetHref(blockedCard, pinKind, `/approve/${encodeURIComponent(approval.id)}`)}>パスワード初期化 / Reset the PIN →</Link>
            </p>
          )}
          {problem.code === "APPROVAL_EXPIRED" && (
            <p className="problem-lead">この依頼は有効期限を過ぎました。銀行の画面からやり直してください / This request has expired: start again from the bank's page.</p>
          )}
          {problem.code === "APPROVAL_NOT_PENDING" && (
            <p className="problem-lead">この依頼はすでに処理済みです / This request has already been answered or cancelled.</p>
          )}
        </ProblemBox>
      )}
      {leaving && <Notice tone="info">銀行に戻っています… / Returning to the bank…</Notice>}
      {closed === "expired" && <BackToBank approvalId={approval.id} />}

      {closed === null && (
        <div className="action-bar">
          <button type="button" className="btn" onClick={() => void cancel()} disabled={disabled} data-testid="cancel">
            キャンセル / Cancel
          </button>
          {approval.cards.length > 0 && (
            <SubmitButton
              busy={busy}
              disabled={leaving || cardId === null || !isValidPin(pinKind, pin)}
              busyText="カードで署名しています… / The card is signing…"
              testId="approve"
            >
              承認 / Approve
            </SubmitButton>
          )}
        </div>
      )}
    </form>
  );
}

function ApprovalFor({ id }: { id: string }) {
  const { resource, reload, setData } = useResource((signal) => api.approval(id, signal), [id]);
  if (resource.status === "error" && resource.problem.status === 404)
    return <NotFoundPage what="この確認依頼は見つかりません / No such approval request" />;
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "署名の確認", en: "Approval" }]} />
      <ResourceView resource={resource} onRetry={reload} what="request">
        {(approval) => {
          const kind = APPROVAL_KINDS[approval.kind];
          const status = APPROVAL_STATUSES[approval.status] ?? { ja: approval.status, en: approval.status, tone: "neutral" as const, detail: "" };
          return (
            <>
              <PageHeader ja="署名の確認" en="Approve a request" lead={`${kind.step} ${kind.ja} / ${kind.en}`}>
                <LabelBadge l={status} testId="approval-status" slash />
              </PageHeader>
              <section className="card approval-summary">
                <p className="asker">
                  <strong data-testid="approval-client">{approval.client.name}</strong> があなたに求めています / is asking you to:
                </p>
                <p className="approval-kind">
                  <span className={`kind-tag kind-${kind.certificate}`}>{kind.certificate}</span> {kind.ja} <span className="muted">/ {kind.en}</span>
                </p>
                <blockquote className="display-text" data-testid="approval-display-text">
                  {approval.displayText}
                </blockquote>
                <What approval={approval} />
                <p className="small muted">
                  有効期限 / Expires {formatJst(approval.expiresAt)} · 依頼 / Requested {formatJst(approval.createdAt)}{" "}
                  <Badge tone="neutral">{kind.step}</Badge>
                </p>
              </section>
              {approval.status === "pending" ? (
                <Pending approval={approval} onCardsChange={(cards) => setData((a) => ({ ...a, cards }))} />
              ) : (
                <>
                  <Notice tone={status.tone} testId="approval-closed">
                    {status.detail}
                  </Notice>
                  {approval.status === "expired" && <BackToBank approvalId={approval.id} />}
                </>
              )}
              <NextSteps>
                <Link to="/cards">私のカード / My cards</Link>
                <Link to="/counter">市区町村窓口 / Municipal counter</Link>
              </NextSteps>
            </>
          );
        }}
      </ResourceView>
    </>
  );
}

export function ApprovalPage() {
  const { id = "" } = useParams();
  return <ApprovalFor key={id} id={id} />;
}
