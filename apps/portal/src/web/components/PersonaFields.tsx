/** The resident's fields as the counter types them (JPKI.md "Personas"), each with its help and errors. */
import { SEXES, issuesFor, type FieldIssue } from "@jpki-sandbox/web-kit";
import { useId } from "react";
import type { Persona, Sex } from "../../shared/api-types";
import { FIELD_LABELS, IDEOGRAPHIC_SPACE, withIdeographicSpace, type FieldErrors, type PersonaField } from "../lib/persona";

const SEX_VALUES: readonly Sex[] = ["female", "male", "unspecified"];

export function PersonaFields({
  persona,
  fields,
  onChange,
  errors,
  issues,
  issuePrefix,
  disabled,
}: {
  persona: Persona;
  fields: readonly PersonaField[];
  onChange: (persona: Persona) => void;
  /** Client-side checks (lib/persona.ts) to show now. */
  errors: FieldErrors;
  /** The server's VALIDATION_FAILED issues. */
  issues: readonly FieldIssue[];
  /** Where the fields sit in the request body: "persona." for issuance, "" for a life event. */
  issuePrefix: string;
  disabled?: boolean;
}) {
  const id = useId();
  const set = <K extends PersonaField>(field: K, value: Persona[K]) => onChange({ ...persona, [field]: value });

  return (
    <div className="persona-grid">
      {fields.map((field) => {
        const l = FIELD_LABELS[field];
        const inputId = `${id}-${field}`;
        const messages = [...(errors[field] === undefined ? [] : [errors[field]]), ...issuesFor(issues, issuePrefix + field)];
        const invalid = messages.length > 0;
        const common = {
          id: inputId,
          className: `input${invalid ? " input-invalid" : ""}${field === "localGovernmentCode" ? " mono" : ""}`,
          disabled,
          "aria-invalid": invalid,
          "aria-describedby": `${inputId}-help`,
          "data-testid": `persona-field-${field}`,
        };
        let control;
        if (field === "sex") {
          control = (
            <select {...common} value={persona.sex} onChange={(e) => set("sex", e.target.value as Sex)}>
              {SEX_VALUES.map((s) => (
                <option key={s} value={s}>
                  {SEXES[s].ja} / {SEXES[s].en}
                </option>
              ))}
            </select>
          );
        } else if (field === "dateOfBirth") {
          control = <input {...common} type="date" value={persona.dateOfBirth} onChange={(e) => set("dateOfBirth", e.target.value)} />;
        } else {
          control = (
            <input
              {...common}
              type="text"
              value={persona[field]}
              onChange={(e) => set(field, e.target.value)}
              {...(field === "localGovernmentCode" ? { inputMode: "numeric" as const, maxLength: 6 } : {})}
              {...(field === "address" ? { maxLength: 200 } : {})}
            />
          );
        }
        const needsSpaceFix = field === "name" && / /.test(persona.name);
        return (
          <div key={field} className={`field${field === "address" ? " field-wide" : ""}`}>
            <label className="field-label" htmlFor={inputId}>
              {l.ja} / {l.en}
            </label>
            <div className="field-control">
              {control}
              {field === "name" && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={disabled}
                  title="氏と名の間に全角スペース（U+3000）を入れます / Puts a full-width space (U+3000) between the names"
                  onClick={() =>
                    set("name", needsSpaceFix ? withIdeographicSpace(persona.name) : `${persona.name.replace(/\u3000+$/, "")}${IDEOGRAPHIC_SPACE}`)
                  }
                >
                  {needsSpaceFix ? "半角→全角スペース / Fix space" : "全角スペース / Insert U+3000"}
                </button>
              )}
            </div>
            {l.help !== undefined && (
              <span className="field-help" id={`${inputId}-help`}>
                {l.help}
              </span>
            )}
            {messages.map((m) => (
              <span key={m} className="field-error">
                {m}
              </span>
            ))}
          </div>
        );
      })}
    </div>
  );
}
