/**
 * 市区町村窓口 / Municipal counter: the resident's record and two PINs in, a virtual My Number Card out
 * (keys generated on the card, certificates issued by jlis). JPKI.md "The two certificates", "Personas".
 */
import { SubmitButton } from "@jpki-sandbox/web-kit";
import {
  Loading,
  Notice,
  PageHeader,
  ProblemBox,
  fieldIssues,
  useToProblem,
  unplacedIssues,
  useResource,
  type ApiProblem,
} from "@jpki-sandbox/web-kit";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { Persona } from "../../shared/api-types";
import { api } from "../api";
import { flash } from "../components/flash";
import { NewPinFields, type NewPinValue } from "../components/PinFields";
import { PersonaFields } from "../components/PersonaFields";
import { Crumbs } from "../components/ui";
import { useSession } from "../components/useSession";
import { ageAt } from "../lib/format";
import { FIELD_LABELS, emptyPersona, signingPlan, validatePersona, type PersonaField } from "../lib/persona";
import { newPinState } from "../lib/pin-rules";

const FIELDS = Object.keys(FIELD_LABELS) as PersonaField[];
const EMPTY_PIN: NewPinValue = { pin: "", confirm: "" };

function newCustomId(): string {
  const random = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(16).slice(2, 10);
  return `custom-${random}`;
}

export function CounterPage() {
  const toProblem = useToProblem();
  const navigate = useNavigate();
  const { resource: sessionResource } = useSession(true);
  const { resource: personas, reload: reloadPersonas } = useResource((signal) => api.personas(signal), []);
  const [persona, setPersona] = useState<Persona>(() => emptyPersona(newCustomId()));
  const [source, setSource] = useState<string | null>(null);
  const [userAuthPin, setUserAuthPin] = useState<NewPinValue>(EMPTY_PIN);
  const [signingPin, setSigningPin] = useState<NewPinValue>(EMPTY_PIN);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState<"issue" | "random" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const sandboxNow = sessionResource.status === "ready" ? sessionResource.data.sandboxNow : new Date().toISOString();
  const errors = validatePersona(persona, sandboxNow);
  const plan = signingPlan(persona, sandboxNow);
  const rState = newPinState("userAuth", userAuthPin.pin, userAuthPin.confirm);
  const sState = newPinState("signing", signingPin.pin, signingPin.confirm);
  const issues = fieldIssues(problem);
  const age = ageAt(persona.dateOfBirth, sandboxNow);

  const choose = (p: Persona, from: string) => {
    setPersona({ ...p });
    setSource(from);
    setProblem(null);
  };

  const generate = async () => {
    setBusy("random");
    setProblem(null);
    try {
      const { persona: p } = await api.randomPersona();
      choose(p, "random");
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy !== null) return;
    setShowErrors(true);
    if (Object.keys(errors).length > 0 || !rState.ok || (plan.issued && !sState.ok)) return;
    setBusy("issue");
    setProblem(null);
    try {
      const { card } = await api.issueCard({
        persona,
        userAuthPin: userAuthPin.pin,
        ...(plan.issued ? { signingPin: signingPin.pin } : {}),
      });
      navigate(
        `/cards/${encodeURIComponent(card.id)}`,
        flash(`カードを発行しました / Card issued to ${card.holderName}${card.hasSigningCertificate ? "" : " (R only / 利用者証明用のみ)"}`),
      );
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(null);
    }
  };

  const blocking = [
    ...(Object.keys(errors).length > 0 ? ["住民情報 / resident's record"] : []),
    ...(rState.ok ? [] : ["利用者証明用パスワード / R PIN"]),
    ...(plan.issued && !sState.ok ? ["署名用パスワード / S PIN"] : []),
  ];

  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "市区町村窓口", en: "Municipal counter" }]} />
      <PageHeader
        ja="市区町村窓口"
        en="Municipal counter"
        lead="マイナンバーカードの交付：住民を選び、2つのパスワードを決めます / Issue a My Number Card: choose a resident, set the two PINs. Synthetic residents only."
      >
        <Link className="btn" to="/cards">
          私のカード / My cards
        </Link>
      </PageHeader>

      <section className="card">
        <h2>
          ① 住民を選ぶ <span className="h-en">/ Choose a resident</span>
        </h2>
        {personas.status === "loading" && <Loading what="personas" />}
        {personas.status === "error" && <ProblemBox problem={personas.problem} onRetry={reloadPersonas} />}
        <div className="persona-picker">
          {personas.status === "ready" &&
            personas.data.personas.map((p) => {
              const a = ageAt(p.dateOfBirth, sandboxNow);
              return (
                <button
                  key={p.id}
                  type="button"
                  className={`persona-choice${source === p.id ? " selected" : ""}`}
                  onClick={() => choose(p, p.id)}
                  disabled={busy !== null}
                  data-testid={`persona-${p.id}`}
                  aria-pressed={source === p.id}
                >
                  <span className="persona-name">{p.name}</span>
                  <span className="persona-sub">
                    {p.dateOfBirth}
                    {a === null ? "" : `（${a}歳 / age ${a}）`}
                  </span>
                  <span className="persona-sub">{p.address}</span>
                </button>
              );
            })}
          <button
            type="button"
            className={`persona-choice persona-random${source === "random" ? " selected" : ""}`}
            onClick={() => void generate()}
            disabled={busy !== null}
            data-testid="persona-random"
          >
            <span className="persona-name">{busy === "random" ? "作成中… / Generating…" : "ランダムな住民を作る"}</span>
            <span className="persona-sub">Generate a synthetic resident</span>
          </button>
        </div>
      </section>

      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <h2>
          ② 住民情報 <span className="h-en">/ Resident's record</span>
          {source !== null && (
            <span className="chip">
              {source === "random" ? "ランダム / random" : `見本 / seed: ${source}`}
            </span>
          )}
        </h2>
        <p className="field-help">
          署名用電子証明書に基本4情報（氏名・生年月日・性別・住所）として入ります。自由に編集できます / These go into the
          signing certificate as the four attributes; edit them freely. ID: <code>{persona.id}</code>
        </p>
        <PersonaFields
          persona={persona}
          fields={FIELDS}
          onChange={setPersona}
          errors={showErrors ? errors : {}}
          issues={issues}
          issuePrefix="persona."
          disabled={busy === "issue"}
        />

        <h2 className="section-gap">
          ③ パスワード <span className="h-en">/ PINs</span>
        </h2>
        <div className="grid grid-2">
          <NewPinFields
            kind="userAuth"
            value={userAuthPin}
            onChange={setUserAuthPin}
            testIds={{ pin: "user-auth-pin", confirm: "user-auth-pin-confirm" }}
            disabled={busy === "issue"}
            serverErrors={issues.filter((i) => i.path === "userAuthPin").map((i) => i.message)}
          />
          {plan.issued ? (
            <div>
              <NewPinFields
                kind="signing"
                value={signingPin}
                onChange={setSigningPin}
                testIds={{ pin: "signing-pin", confirm: "signing-pin-confirm" }}
                disabled={busy === "issue"}
                serverErrors={issues.filter((i) => i.path === "signingPin").map((i) => i.message)}
              />
              {plan.why === "requested" && (
                <p className="field-help">
                  15歳未満ですが、申請により署名用電子証明書を発行します / Under 15, but a signing certificate is issued on request.
                </p>
              )}
            </div>
          ) : (
            <div className="warning-box" data-testid="no-signing-certificate">
              <strong>署名用電子証明書は発行されません / No signing certificate</strong>
              <p>
                サンドボックス時刻で{plan.age}歳（15歳未満）のため、署名用電子証明書は申請がある場合のみ発行されます。署名用パスワードは不要です。
                <br />
                The holder is {plan.age} at sandbox time (under 15): a signing certificate (S) is issued only on request, so no
                S PIN is needed. The card gets the user-authentication certificate (R) only.
              </p>
            </div>
          )}
        </div>
        {age !== null && age >= 0 && age < 15 && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={persona.requestSigningCertificate === true}
              onChange={(e) => setPersona({ ...persona, requestSigningCertificate: e.target.checked })}
              disabled={busy === "issue"}
              data-testid="request-signing-certificate"
            />
            署名用電子証明書の発行を申請する / Request a signing certificate (under 15)
          </label>
        )}

        {problem !== null && (
          <ProblemBox
            problem={problem}
            issues={unplacedIssues(issues, [...FIELDS.map((f) => `persona.${f}`), "userAuthPin", "signingPin"])}
            onDismiss={() => setProblem(null)}
          />
        )}
        {showErrors && blocking.length > 0 && (
          <Notice tone="warn">まだ入力が足りません / Still to complete: {blocking.join("、")}</Notice>
        )}
        {sessionResource.status === "error" && (
          <Notice tone="warn">
            サンドボックス時刻を取得できません（この端末の時刻で年齢を判定） / Cannot read the sandbox time; ages use this computer's clock.
          </Notice>
        )}
        <div className="action-bar">
          <SubmitButton
            busy={busy === "issue"}
            disabled={busy !== null}
            testId="issue-card"
            busyText="発行中（カード内で鍵を生成しています）… / Issuing — generating keys on the card…"
          >
            カードを発行 / Issue card
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
