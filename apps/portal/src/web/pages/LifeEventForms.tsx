/**
 * The counter's procedures for an existing card (JPKI.md "Revocation and status"): each form sends one life
 * event and hands the updated card (or the new one, for renewal) to `onDone`. Typed values stay on a failure.
 */
import { fieldIssues, issuesFor, ProblemBox, SubmitButton, unplacedIssues, useAction } from "@jpki-sandbox/web-kit";
import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import type { CardView, Persona, PinKind } from "../../shared/api-types";
import { api } from "../api";
import { NewPinFields, type NewPinValue } from "../components/PinFields";
import { PersonaFields } from "../components/PersonaFields";
import { ADDRESS_FIELDS, signingPlan, validateAddress, validatePersona, type FieldErrors, type PersonaField } from "../lib/persona";
import { PIN_RULES, newPinState } from "../lib/pin-rules";

const EMPTY_PIN: NewPinValue = { pin: "", confirm: "" };

export interface FormProps {
  card: CardView;
  sandboxNow: string;
  onDone: (card: CardView, message: string) => void;
}

/**
 * A change of one of the four attributes (基本4情報) at the counter: the S certificate, which carries them, is
 * revoked (affiliationChanged) and reissued under a new S PIN; R carries none and stays. Address and name
 * changes differ only in the fields they edit, the request they send and their words.
 */
function AttributeChangeForm({
  card,
  sandboxNow,
  onDone,
  fields,
  validate,
  send,
  testId,
  explain,
  done,
  submitLabel,
}: FormProps & {
  fields: readonly PersonaField[];
  /** The client-side checks of the edited fields. */
  validate: (persona: Persona, sandboxNow: string) => FieldErrors;
  /** Sends the change; `signing` holds the new S PIN when the card has an S certificate. */
  send: (persona: Persona, signing: { signingPin?: string }) => Promise<{ card: CardView }>;
  /** "address": the S PIN inputs are address-signing-pin(-confirm), the button address-change. */
  testId: string;
  explain: ReactNode;
  /** The message when done, with S reissued or (a card without S) without. */
  done: { reissued: string; noSigning: string };
  submitLabel: string;
}) {
  const [persona, setPersona] = useState<Persona>(card.persona);
  const [signingPin, setSigningPin] = useState<NewPinValue>(EMPTY_PIN);
  const [showErrors, setShowErrors] = useState(false);
  const { busy, problem, setProblem, run } = useAction();
  const needsS = card.hasSigningCertificate;
  const errors = validate(persona, sandboxNow);
  const sState = newPinState("signing", signingPin.pin, signingPin.confirm);
  const issues = fieldIssues(problem);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0 || (needsS && !sState.ok)) return;
    const result = await run(() => send(persona, needsS ? { signingPin: signingPin.pin } : {}));
    if (result === undefined) return;
    setSigningPin(EMPTY_PIN);
    setShowErrors(false);
    onDone(result.card, needsS ? done.reissued : done.noSigning);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="explain">{explain}</p>
      <PersonaFields
        persona={persona}
        fields={fields}
        onChange={setPersona}
        errors={showErrors ? errors : {}}
        issues={issues}
        issuePrefix=""
        disabled={busy}
      />
      {needsS && (
        <NewPinFields
          kind="signing"
          value={signingPin}
          onChange={setSigningPin}
          disabled={busy}
          serverErrors={issuesFor(issues, "signingPin")}
          legend="新しい署名用パスワード / New signing PIN (S)"
          testIds={{ pin: `${testId}-signing-pin`, confirm: `${testId}-signing-pin-confirm` }}
        />
      )}
      {problem !== null && <ProblemBox problem={problem} issues={unplacedIssues(issues, [...fields, "signingPin"])} onDismiss={() => setProblem(null)} />}
      <div className="action-bar">
        <SubmitButton busy={busy} busyText="手続き中… / Processing…" testId={`${testId}-change`}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

/** 住所変更 / Move house: S revoked (affiliationChanged) and reissued with a new S PIN; R unchanged. */
export function AddressChangeForm(props: FormProps) {
  return (
    <AttributeChangeForm
      {...props}
      fields={ADDRESS_FIELDS}
      validate={validateAddress}
      send={(p, signing) =>
        api.changeAddress(props.card.id, {
          address: p.address,
          prefecture: p.prefecture,
          city: p.city,
          prefectureRomaji: p.prefectureRomaji,
          cityRomaji: p.cityRomaji,
          localGovernmentCode: p.localGovernmentCode,
          ...signing,
        })
      }
      testId="address"
      explain={
        <>
          住所は署名用電子証明書の基本4情報の一つです。変更すると署名用電子証明書は失効（affiliationChanged）し、新しい鍵と証明書をカードに発行します。
          利用者証明用電子証明書は基本4情報を含まないので、そのまま使えます。
          <br />
          The address is one of the four attributes in the signing certificate: moving revokes it (reason affiliationChanged)
          and issues a new key and S certificate on the card, with a new S PIN. The R certificate carries no attributes and
          stays as it is.
        </>
      }
      done={{
        reissued:
          "住所を変更しました。旧署名用電子証明書は失効し、新しい証明書を発行しました / Address changed: the old S certificate is revoked (affiliationChanged) and a new one issued; R is unchanged.",
        noSigning: "住所を変更しました / Address changed (this card has no S certificate; R is unchanged).",
      }}
      submitLabel="住所変更 / Change address"
    />
  );
}

/** 氏名変更 / Change name: like a move, S revoked and reissued, R unchanged. */
export function NameChangeForm(props: FormProps) {
  return (
    <AttributeChangeForm
      {...props}
      fields={["name"]}
      validate={(p, now) => {
        const name = validatePersona(p, now).name;
        return name === undefined ? {} : { name };
      }}
      send={(p, signing) => api.changeName(props.card.id, { name: p.name, ...signing })}
      testId="name"
      explain={
        <>
          氏名の変更（婚姻など）でも署名用電子証明書は失効し、再発行されます。利用者証明用電子証明書はそのままです。
          <br />A change of name (marriage…) revokes and reissues the S certificate the same way; R is unchanged.
        </>
      }
      done={{
        reissued:
          "氏名を変更しました。旧署名用電子証明書は失効し、新しい証明書を発行しました / Name changed: the old S certificate is revoked (affiliationChanged) and a new one issued; R is unchanged.",
        noSigning: "氏名を変更しました / Name changed.",
      }}
      submitLabel="氏名変更 / Change name"
    />
  );
}

/** パスワード初期化 / PIN reset: a new PIN and a full retry counter (a blocked PIN is reset only here). */
export function PinResetForm({ card, onDone, initialPin }: FormProps & { initialPin: PinKind | null }) {
  const kinds: PinKind[] = card.pins.signing === null ? ["userAuth"] : ["userAuth", "signing"];
  const [pin, setPin] = useState<PinKind>(initialPin !== null && kinds.includes(initialPin) ? initialPin : kinds[0] ?? "userAuth");
  const [values, setValues] = useState<Record<PinKind, NewPinValue>>({ userAuth: EMPTY_PIN, signing: EMPTY_PIN });
  const { busy, problem, setProblem, run } = useAction();
  const value = values[pin];
  const state = newPinState(pin, value.pin, value.confirm);
  const issues = fieldIssues(problem);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!state.ok) return;
    const result = await run(() => api.resetPin(card.id, { pin, newPin: value.pin }));
    if (result === undefined) return;
    setValues((v) => ({ ...v, [pin]: EMPTY_PIN }));
    onDone(result.card, `${PIN_RULES[pin].ja}を初期化しました / ${PIN_RULES[pin].en} reset: ${PIN_RULES[pin].maxTries} tries again.`);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="fieldset">
        <legend>どのパスワード / Which PIN</legend>
        {kinds.map((k) => {
          const s = k === "signing" ? card.pins.signing : card.pins.userAuth;
          return (
            <label key={k} className={pin === k ? "choice selected" : "choice"}>
              <input type="radio" name="pin-kind" value={k} checked={pin === k} onChange={() => setPin(k)} disabled={busy} data-testid={`pin-reset-kind-${k}`} />
              <span>
                <span className="choice-title">
                  {PIN_RULES[k].ja} / {PIN_RULES[k].en}
                </span>
                {s !== null && (
                  <span className={`choice-help${s.blocked ? " text-bad" : ""}`}>
                    {s.blocked ? "ロック中 / Blocked" : `残り ${s.triesLeft}/${s.maxTries} 回 / tries left`}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </fieldset>
      <NewPinFields
        kind={pin}
        value={value}
        onChange={(v) => setValues((all) => ({ ...all, [pin]: v }))}
        disabled={busy}
        serverErrors={issuesFor(issues, "newPin")}
        testIds={{ pin: "reset-pin", confirm: "reset-pin-confirm" }}
      />
      {problem !== null && <ProblemBox problem={problem} issues={unplacedIssues(issues, ["newPin"])} onDismiss={() => setProblem(null)} />}
      <div className="action-bar">
        <SubmitButton busy={busy} disabled={!state.ok} busyText="初期化中… / Resetting…" testId="pin-reset">
          パスワード初期化 / Reset PIN
        </SubmitButton>
      </div>
    </form>
  );
}

/** 更新 / Renewal: a new card with new keys and PINs; the old card's certificates are revoked (superseded). */
export function RenewalForm({ card, sandboxNow, onDone }: FormProps) {
  const [userAuthPin, setUserAuthPin] = useState<NewPinValue>(EMPTY_PIN);
  const [signingPin, setSigningPin] = useState<NewPinValue>(EMPTY_PIN);
  const { busy, problem, setProblem, run } = useAction();
  const plan = signingPlan(card.persona, sandboxNow);
  const rState = newPinState("userAuth", userAuthPin.pin, userAuthPin.confirm);
  const sState = newPinState("signing", signingPin.pin, signingPin.confirm);
  const issues = fieldIssues(problem);
  const ready = rState.ok && (!plan.issued || sState.ok);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const result = await run(() =>
      api.renewCard(card.id, { userAuthPin: userAuthPin.pin, ...(plan.issued ? { signingPin: signingPin.pin } : {}) }),
    );
    if (result === undefined) return;
    onDone(result.card, "カードを更新しました。これが新しいカードです / Card renewed: this is the new card; the old one's certificates are revoked (superseded).");
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="explain">
        新しいカードを交付し、新しい鍵と証明書を発行します。旧カードの証明書は失効（superseded）します。
        <br />A new card with new keys and certificates; the old card's certificates are revoked (reason superseded).
      </p>
      <div className="grid grid-2">
        <NewPinFields kind="userAuth" value={userAuthPin} onChange={setUserAuthPin} disabled={busy} serverErrors={issuesFor(issues, "userAuthPin")} testIds={{ pin: "renewal-user-auth-pin", confirm: "renewal-user-auth-pin-confirm" }} />
        {plan.issued ? (
          <NewPinFields kind="signing" value={signingPin} onChange={setSigningPin} disabled={busy} serverErrors={issuesFor(issues, "signingPin")} testIds={{ pin: "renewal-signing-pin", confirm: "renewal-signing-pin-confirm" }} />
        ) : (
          <p className="warning-box">
            サンドボックス時刻で{plan.age}歳（15歳未満）：署名用電子証明書は発行されません / The holder is {plan.age} at sandbox time (under 15): no signing certificate is issued.
          </p>
        )}
      </div>
      {problem !== null && <ProblemBox problem={problem} issues={unplacedIssues(issues, ["userAuthPin", "signingPin"])} onDismiss={() => setProblem(null)} />}
      <div className="action-bar">
        <SubmitButton busy={busy} disabled={!ready} busyText="新しいカードを発行中… / Issuing the new card…" testId="renewal">
          更新 / Renew card
        </SubmitButton>
      </div>
    </form>
  );
}

/** 紛失届 / Report lost: both certificates revoked (keyCompromise); final. */
export function LossForm({ card, onDone }: FormProps) {
  const [confirmed, setConfirmed] = useState(false);
  const { busy, problem, setProblem, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed) return;
    const result = await run(() => api.reportLoss(card.id));
    if (result === undefined) return;
    onDone(result.card, "紛失届を受け付けました。両方の証明書は失効しました / Loss reported: both certificates are revoked (keyCompromise).");
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="explain">
        署名用・利用者証明用の両方の証明書が失効（keyCompromise）し、このカードは使えなくなります。取り消せません。
        <br />
        Both certificates are revoked (reason keyCompromise) and this card can no longer be used. This cannot be undone;
        afterwards, issue a new card at the <Link to="/counter">counter</Link>.
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={busy} data-testid="loss-confirm" />
        {card.holderName} さんのカードを紛失したことを届け出ます / I report this card as lost
      </label>
      {problem !== null && <ProblemBox problem={problem} onDismiss={() => setProblem(null)} />}
      <div className="action-bar">
        <SubmitButton busy={busy} disabled={!confirmed} className="btn btn-danger" busyText="失効させています… / Revoking…" testId="report-loss">
          紛失届 / Report lost
        </SubmitButton>
      </div>
    </form>
  );
}
