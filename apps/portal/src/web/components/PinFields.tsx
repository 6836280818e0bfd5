/** PIN inputs: a new PIN with its confirmation (issuance, renewal, reset) and a single PIN entry (approval). */
import { useId, type Ref } from "react";
import type { PinKind } from "../../shared/api-types";
import { PIN_RULES, isValidPin, newPinState, pinChecks, type PinCheck } from "../lib/pin-rules";

/**
 * What every PIN input shares: masked, the keyboard and capitals for the PIN's characters, no spell check,
 * at most the rule's length.
 */
function pinInputProps(kind: PinKind, autoComplete: "new-password" | "off") {
  return {
    type: "password",
    autoComplete,
    inputMode: kind === "userAuth" ? "numeric" : "text",
    autoCapitalize: kind === "signing" ? "characters" : "off",
    spellCheck: false,
    maxLength: PIN_RULES[kind].maxLength,
  } as const;
}

function Checks({ checks, id }: { checks: PinCheck[]; id: string }) {
  return (
    <ul className="pin-checks" id={id} aria-live="polite">
      {checks.map((c) => (
        <li key={c.id} className={c.ok ? "check-ok" : "check-todo"}>
          <span aria-hidden="true">{c.ok ? "✓" : "•"}</span> {c.ja} / {c.en}
        </li>
      ))}
    </ul>
  );
}

export interface NewPinValue {
  pin: string;
  confirm: string;
}

/** A new PIN and its confirmation, with the rule checked as the citizen types. */
export function NewPinFields({
  kind,
  value,
  onChange,
  testIds,
  disabled,
  serverErrors = [],
  legend,
}: {
  kind: PinKind;
  value: NewPinValue;
  onChange: (value: NewPinValue) => void;
  testIds?: { pin: string; confirm: string };
  disabled?: boolean;
  /** Messages the server sent for this PIN (VALIDATION_FAILED issues). */
  serverErrors?: readonly string[];
  legend?: string;
}) {
  const rule = PIN_RULES[kind];
  const state = newPinState(kind, value.pin, value.confirm);
  const id = useId();
  return (
    <fieldset className="pin-fieldset">
      <legend>
        {legend ?? (
          <>
            {rule.ja} <span className="muted">/ {rule.en}</span>
          </>
        )}
      </legend>
      <p className="field-help">
        {rule.hint.ja} / {rule.hint.en}
      </p>
      <div className="pin-row">
        <label className="field">
          <span className="field-label">新しいパスワード / New PIN</span>
          <input
            className={`input mono${value.pin !== "" && !state.valid ? " input-invalid" : ""}`}
            {...pinInputProps(kind, "new-password")}
            value={value.pin}
            onChange={(e) => onChange({ ...value, pin: e.target.value })}
            aria-describedby={`${id}-checks`}
            aria-invalid={value.pin !== "" && !state.valid}
            disabled={disabled}
            data-testid={testIds?.pin}
          />
        </label>
        <label className="field">
          <span className="field-label">確認のためもう一度 / Confirm PIN</span>
          <input
            className={`input mono${state.mismatch ? " input-invalid" : ""}`}
            {...pinInputProps(kind, "new-password")}
            value={value.confirm}
            onChange={(e) => onChange({ ...value, confirm: e.target.value })}
            aria-invalid={state.mismatch}
            disabled={disabled}
            data-testid={testIds?.confirm}
          />
        </label>
      </div>
      <Checks checks={state.checks} id={`${id}-checks`} />
      {serverErrors.map((m) => (
        <p key={m} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}

/** The PIN the card asks for before it signs (the approval screen). */
export function PinEntry({
  kind,
  value,
  onChange,
  disabled,
  testId,
  inputRef,
}: {
  kind: PinKind;
  value: string;
  onChange: (pin: string) => void;
  disabled?: boolean;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const rule = PIN_RULES[kind];
  const checks = pinChecks(kind, value);
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {rule.ja} / {rule.en}
      </label>
      <input
        id={id}
        ref={inputRef}
        className={`input mono input-pin${value !== "" && !isValidPin(kind, value) ? " input-invalid" : ""}`}
        {...pinInputProps(kind, "off")}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-checks`}
        disabled={disabled}
        data-testid={testId}
      />
      <p className="field-help">
        {rule.hint.ja} / {rule.hint.en}
      </p>
      {value !== "" && <Checks checks={checks} id={`${id}-checks`} />}
    </div>
  );
}
