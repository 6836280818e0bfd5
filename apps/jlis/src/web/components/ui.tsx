/** The console's own small pieces (the ones both UIs share are web-kit's: Bi, Badge, ProblemBox, Table…). */
import type { Label } from "@jpki-sandbox/web-kit";
import { useEffect, useRef, useState, type ReactNode } from "react";

/** The 更新 / Refresh button every page puts in its header. */
export function RefreshButton({ onClick, disabled }: { onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="btn" onClick={onClick} disabled={disabled}>
      更新 / Refresh
    </button>
  );
}

/** The search box of a table's toolbar. */
export function SearchInput({ placeholder, value, onChange }: { placeholder: string; value: string; onChange: (text: string) => void }) {
  return <input type="search" className="input" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** A fieldset of radio choices, each with its bilingual title, its code and a line of help. */
export function RadioChoices<V extends string>({
  legend,
  name,
  values,
  labels,
  help,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  labels: Record<V, Pick<Label, "ja" | "en">>;
  help: (v: V) => ReactNode;
  value: V | null;
  onChange: (v: V) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className={value === v ? "choice selected" : "choice"}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} disabled={disabled} />
          <span>
            <span className="choice-title">
              {labels[v].ja} / {labels[v].en} <code className="muted">{v}</code>
            </span>
            <span className="choice-help">{help(v)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Copies a value to the clipboard, falling back to selecting it for ⌘C / Ctrl+C when that is refused. */
export function CopyButton({ value, targetId }: { value: string; targetId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      if (targetId !== undefined) {
        const el = document.getElementById(targetId);
        const selection = window.getSelection();
        if (el !== null && selection !== null) {
          const range = document.createRange();
          range.selectNodeContents(el);
          selection.removeAllRanges();
          selection.addRange(range);
        }
      }
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()}>
      {state === "copied" ? "コピーしました / Copied" : state === "failed" ? "選択済み、⌘C で / Selected, press ⌘C" : "コピー / Copy"}
    </button>
  );
}

export function Modal({ title, children, onClose }: { title: ReactNode; children: ReactNode; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="modal" role="dialog" aria-modal="true" tabIndex={-1} ref={dialog}>
        <div className="modal-title">{title}</div>
        {children}
      </div>
    </div>
  );
}
