/**
 * ① 口座開設 / Open an account: the customer types the four attributes (基本4情報); the bank keeps the form and
 * sends the browser to the portal, where the card signs it with the S key (②③). JPKI.md "The flow".
 */
import { fieldIssues, formatJstDate, issuesFor, NextSteps, Notice, PageHeader, ProblemBox, SEXES, SubmitButton, unplacedIssues, useAction } from "@jpki-sandbox/web-kit";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import type { ApplicationInput, Sex } from "../../shared/api-types";
import { api } from "../api";
import { useSessionInfo } from "../components/session";
import { Crumbs, FlowStrip } from "../components/ui";
import {
  APPLICATION_FIELDS,
  EMPTY_APPLICATION,
  FIELD_TEXTS,
  HANAKO,
  SEX_VALUES,
  asApplicationInput,
  toApplicationInput,
  validateApplication,
  type ApplicationField,
} from "../lib/application";
import { isHttpUrl } from "../lib/journey";

/** The form survives a trip to the portal and back (a cancel, the back button) within this tab. */
const DRAFT_KEY = "sandbox-bank.open-draft";

function loadDraft(): ApplicationInput | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw === null ? null : asApplicationInput(JSON.parse(raw));
  } catch {
    return null;
  }
}

function saveDraft(form: ApplicationInput) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(form));
  } catch {
    // storage full or disabled: the form still works, it just is not kept
  }
}

export function OpenAccountPage() {
  const id = useId();
  const location = useLocation();
  const session = useSessionInfo();
  const [form, setForm] = useState<ApplicationInput>(
    () => asApplicationInput((location.state as { application?: unknown } | null)?.application) ?? loadDraft() ?? EMPTY_APPLICATION,
  );
  const [showErrors, setShowErrors] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const { busy, problem, run } = useAction();
  useEffect(() => saveDraft(form), [form]);

  const today = session !== null && session.sandboxNow !== null ? formatJstDate(session.sandboxNow) : null;
  const errors = validateApplication(form, today);
  const issues = fieldIssues(problem);
  const set = <K extends ApplicationField>(field: K, value: ApplicationInput[K]) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) {
      const first = APPLICATION_FIELDS.find((f) => errors[f] !== undefined);
      if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const started = await run(() => api.openAccount(toApplicationInput(form)));
    if (started === undefined) return;
    if (!isHttpUrl(started.approvalUrl)) {
      window.location.assign(`/journeys/${encodeURIComponent(started.journeyId)}`);
      return;
    }
    setLeaving(true);
    window.location.assign(started.approvalUrl);
  };

  const disabled = busy || leaving;
  const messagesFor = (field: ApplicationField) => [...(showErrors && errors[field] !== undefined ? [errors[field]] : []), ...issuesFor(issues, field)];

  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "口座開設", en: "Open an account" }]} />
      <PageHeader
        ja="口座開設"
        en="Open an account"
        lead="① お申込み内容を入力してください。次の画面（ポータル）で、マイナンバーカードの署名用電子証明書で署名します / ① Fill in the application; next, at the portal, your card signs it with the signing certificate."
      />
      <FlowStrip flow="opening" current={["①"]} />

      <div className="grid grid-main">
        <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="open-form">
          <div className="section-head">
            <h2>
              ① 申込書 <span className="h-en">/ Application</span>
            </h2>
            <button type="button" className="btn btn-small" onClick={() => setForm({ ...HANAKO })} disabled={disabled} data-testid="fill-hanako">
              花子で入力 / Fill in 花子
            </button>
          </div>
          <p className="explain">
            証明書の基本4情報と同じ内容を入力してください。銀行は署名を受け取った後、入力内容と証明書を照合します（文字の全角・半角と空白の違いは問いません） /
            Type the four basic attributes as your signing certificate carries them; the bank matches them after it receives the
            signature (width and white space do not matter).
          </p>

          {APPLICATION_FIELDS.map((field) => {
            const t = FIELD_TEXTS[field];
            const inputId = `${id}-${field}`;
            const messages = messagesFor(field);
            const invalid = messages.length > 0;
            const common = {
              id: inputId,
              className: `input${invalid ? " input-invalid" : ""}`,
              disabled,
              "aria-invalid": invalid,
              "aria-describedby": `${inputId}-help`,
              "data-testid": `field-${field}`,
            };
            return (
              <div key={field} className="field">
                {field === "sex" ? (
                  <fieldset className="fieldset fieldset-inline" aria-describedby={`${inputId}-help`}>
                    <legend className="field-label">
                      {t.ja} / {t.en}
                    </legend>
                    <div className="radio-row">
                      {SEX_VALUES.map((s: Sex) => (
                        <label key={s} className={`choice choice-inline${form.sex === s ? " selected" : ""}`}>
                          <input
                            type="radio"
                            name={`${id}-sex`}
                            value={s}
                            checked={form.sex === s}
                            onChange={() => set("sex", s)}
                            disabled={disabled}
                            data-testid={`field-sex-${s}`}
                            {...(s === SEX_VALUES[0] ? { id: inputId } : {})}
                          />
                          <span>
                            {SEXES[s].ja} <span className="muted">/ {SEXES[s].en}</span>
                          </span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ) : (
                  <>
                    <label className="field-label" htmlFor={inputId}>
                      {t.ja} / {t.en}
                    </label>
                    {field === "dateOfBirth" ? (
                      <input {...common} type="date" value={form.dateOfBirth} onChange={(e) => set("dateOfBirth", e.target.value)} />
                    ) : (
                      <input
                        {...common}
                        type="text"
                        value={form[field]}
                        onChange={(e) => set(field, e.target.value)}
                        autoComplete={field === "name" ? "name" : "street-address"}
                        {...(field === "address" ? { maxLength: 200 } : {})}
                      />
                    )}
                  </>
                )}
                <span className="field-help" id={`${inputId}-help`}>
                  {t.help}
                </span>
                {messages.map((m) => (
                  <span key={m} className="field-error" data-testid={`error-${field}`}>
                    {m}
                  </span>
                ))}
              </div>
            );
          })}

          {problem !== null && (
            <ProblemBox problem={problem} issues={unplacedIssues(issues, APPLICATION_FIELDS)}>
              {problem.code === "ALREADY_CUSTOMER" && (
                <p>
                  <Link to="/login">すでに口座をお持ちです。ログインへ / You already have an account: log in →</Link>
                </p>
              )}
              <p className="muted small">入力内容はそのまま残っています / What you typed is kept.</p>
            </ProblemBox>
          )}
          {leaving && <Notice tone="info">ポータルへ移動しています… / Going to the portal to sign…</Notice>}

          <div className="action-bar">
            <Link className="btn" to="/">
              戻る / Back
            </Link>
            <SubmitButton busy={busy} disabled={leaving} busyText="申込書を作成しています… / Preparing the application…" testId="open-submit">
              ② 署名用電子証明書で署名する / Sign with S at the portal →
            </SubmitButton>
          </div>
        </form>

        <aside className="card aside">
          <h2>
            このあと <span className="h-en">/ What happens next</span>
          </h2>
          <ol className="howto">
            <li>
              <strong>②③ ポータル / Portal</strong>
              <br />
              銀行はポータルに<strong>署名用電子証明書（S）</strong>での署名を依頼します。カードを選び、署名用パスワード（英数字6〜16文字）を入力します。
              <span className="muted"> The bank asks the portal for a signature with your signing certificate (S); you pick the card and enter the S PIN (6–16 letters/digits).</span>
            </li>
            <li>
              <strong>④ 検証 / Verify</strong>
              <br />
              署名・証明書チェーン・有効期間。<span className="muted"> Signature, chain to the J-LIS S root, validity at sandbox time.</span>
            </li>
            <li>
              <strong>⑤⑥ J-LIS（OCSP）</strong>
              <br />
              失効していないか確認。<span className="muted"> Is the S certificate revoked?</span>
            </li>
            <li>
              <strong>照合・登録 / Match, register</strong>
              <br />
              入力内容と証明書の基本4情報を照合。<span className="muted"> Your form against the certificate's four attributes.</span>
            </li>
            <li>
              <strong>⑦⑧ 紐付け / Linkage</strong>
              <br />
              S のシリアル番号から R のシリアル番号を照会し、S–R を保存。<span className="muted"> S serial → R serial; the bank keeps the S–R link.</span>
            </li>
          </ol>
        </aside>
      </div>

      <NextSteps>
        <span className="muted">② ポータルで署名 / Sign at the portal (after you submit)</span>
        <Link to="/login">すでに口座をお持ちの方 ①' / Already a customer? Log in</Link>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
