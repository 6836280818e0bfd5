/** 署名検証者 / Verifiers: accredited verifiers (JPKI.md "Revocation and status") and their linkage scopes. */
import {
  Badge,
  Bi,
  Empty,
  PageHeader,
  ProblemBox,
  ResourceView,
  Table,
  formatJst,
  shortId,
  useToProblem,
  useResource,
  type ApiProblem,
} from "@jpki-sandbox/web-kit";
import { useState, type FormEvent } from "react";
import { api, type CreatedVerifier } from "../api";
import { CopyButton, RefreshButton } from "../components/ui";
import { VERIFIER_SCOPES, scopeLabel } from "../lib/labels";

function SecretPanel({ created, onDone }: { created: CreatedVerifier; onDone: () => void }) {
  return (
    <section className="card secret-card" aria-live="polite">
      <h2>
        <Bi ja="登録しました" en="Verifier registered" />
      </h2>
      <div className="warning-box">
        <strong>このシークレットは今回だけ表示されます。今すぐ保存してください。</strong>
        <br />
        This secret is shown only once and cannot be retrieved later. Store it now.
      </div>
      <dl className="kv">
        <dt>名称 / Name</dt>
        <dd>{created.verifier.name}</dd>
        <dt>検証者 ID / Verifier ID</dt>
        <dd className="copy-row">
          <code id="new-verifier-id" className="secret-value">
            {created.verifier.id}
          </code>
          <CopyButton value={created.verifier.id} targetId="new-verifier-id" />
        </dd>
        <dt>シークレット / Secret</dt>
        <dd className="copy-row">
          <code id="new-verifier-secret" className="secret-value">
            {created.secret}
          </code>
          <CopyButton value={created.secret} targetId="new-verifier-secret" />
        </dd>
      </dl>
      <p className="muted small">
        紐付け API は HTTP Basic <code>verifierId:secret</code> で呼び出します / Call the linkage API with HTTP Basic{" "}
        <code>verifierId:secret</code>, e.g. <code>curl -u &lt;id&gt;:&lt;secret&gt; {window.location.origin}/linkage/v1/…</code>
      </p>
      <div className="modal-actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          保存しました / I have stored it
        </button>
      </div>
    </section>
  );
}

export function VerifiersPage() {
  const toProblem = useToProblem();
  const { resource, reload, setData } = useResource((signal) => api.verifiers(signal), []);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [created, setCreated] = useState<CreatedVerifier | null>(null);
  const canSubmit = name.trim() !== "" && scopes.length > 0 && !busy;

  const toggle = (scope: string, on: boolean) =>
    setScopes((s) => (on ? [...s.filter((x) => x !== scope), scope] : s.filter((x) => x !== scope)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setProblem(null);
    try {
      // Keep the scopes in the order the form lists them.
      const ordered = VERIFIER_SCOPES.map((s) => s.scope).filter((s) => scopes.includes(s));
      const result = await api.createVerifier({ name: name.trim(), scopes: ordered });
      setCreated(result);
      setData((data) => ({ verifiers: [result.verifier, ...data.verifiers.filter((v) => v.id !== result.verifier.id)] }));
      setName("");
      setScopes([]);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader ja="署名検証者" en="Accredited verifiers" lead="紐付けサービスを利用できる登録クライアント / Registered clients allowed to use the linkage services">
        <RefreshButton onClick={reload} />
      </PageHeader>

      {created !== null && <SecretPanel created={created} onDone={() => setCreated(null)} />}

      <div className="grid grid-side">
        <section className="card card-flush">
          <ResourceView resource={resource} onRetry={reload} inCard>
            {({ verifiers }) =>
              verifiers.length === 0 ? (
                <Empty ja="署名検証者はまだ登録されていません" en="No verifiers registered yet">
                  <p className="muted">右のフォームから登録します / Register one with the form.</p>
                </Empty>
              ) : (
                <Table
                  head={
                    <>
                      <th>名称 / Name</th>
                      <th>権限 / Scopes</th>
                      <th>登録日時 / Created (JST)</th>
                      <th>状態 / State</th>
                    </>
                  }
                >
                  {verifiers.map((v) => (
                    <tr key={v.id} className={created?.verifier.id === v.id ? "row-flash" : undefined}>
                      <td className="verifier-name">
                        <div className="cell-main">{v.name}</div>
                        <div className="cell-sub mono" title={v.id}>
                          {shortId(v.id, 12)}
                        </div>
                      </td>
                      <td>
                        {v.scopes.length === 0 ? (
                          <span className="muted">なし / none</span>
                        ) : (
                          <ul className="scope-list">
                            {v.scopes.map((s) => (
                              <li key={s} title={scopeLabel(s)}>
                                <code className="scope">{s}</code>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="small">{formatJst(v.createdAt)}</td>
                      <td>
                        {v.disabledAt === null ? (
                          <Badge tone="good">有効 / Active</Badge>
                        ) : (
                          <Badge tone="neutral" title={formatJst(v.disabledAt)}>
                            無効 / Disabled
                          </Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
              )
            }
          </ResourceView>
        </section>

        <section className="card">
          <h2>
            新規登録 <span className="h-en">/ Register a verifier</span>
          </h2>
          <form onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span className="field-label">名称 / Name</span>
              <input
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="サンドボックス銀行 / Sandbox Bank"
                maxLength={200}
                disabled={busy}
              />
            </label>
            <fieldset className="fieldset">
              <legend>権限 / Scopes</legend>
              {VERIFIER_SCOPES.map((s) => (
                <label key={s.scope} className={scopes.includes(s.scope) ? "choice selected" : "choice"}>
                  <input
                    type="checkbox"
                    checked={scopes.includes(s.scope)}
                    onChange={(e) => toggle(s.scope, e.target.checked)}
                    disabled={busy}
                  />
                  <span>
                    <span className="choice-title">
                      {s.ja} / {s.en}
                    </span>
                    <code className="choice-help">{s.scope}</code>
                  </span>
                </label>
              ))}
            </fieldset>
            {problem !== null && <ProblemBox problem={problem} onDismiss={() => setProblem(null)} />}
            <div className="modal-actions">
              <button type="submit" className="btn btn-primary" disabled={!canSubmit}>
                {busy ? "登録中… / Registering…" : "登録 / Register"}
              </button>
            </div>
            {scopes.length === 0 && <div className="field-help">権限を1つ以上選択 / Choose at least one scope</div>}
          </form>
        </section>
      </div>
    </>
  );
}
