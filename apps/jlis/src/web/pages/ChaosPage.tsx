/** 障害注入 / Chaos: make OCSP and linkage misbehave so relying parties can test their error paths. */
import { Badge, Notice, PageHeader, ProblemBox, ResourceView, useToProblem, useResource, type ApiProblem } from "@jpki-sandbox/web-kit";
import { useEffect, useState } from "react";
import { api, type Chaos, type LinkageMode, type OcspMode } from "../api";
import { RadioChoices, RefreshButton } from "../components/ui";
import { CHAOS_OFF, chaosEquals, chaosIsActive, MAX_DELAY_MS, parseDelayMs } from "../lib/chaos";
import { LINKAGE_MODES, OCSP_MODES, type ModeLabel } from "../lib/labels";

/** One knob as the form holds it: the delay as typed, so a half-typed value can be shown and checked. */
interface Knob<M extends string> {
  mode: M;
  delay: string;
}

interface Draft {
  ocsp: Knob<OcspMode>;
  linkage: Knob<LinkageMode>;
}

const toKnob = <M extends string>(setting: { mode: M; delayMs: number }): Knob<M> => ({
  mode: setting.mode,
  delay: String(setting.delayMs),
});

const toDraft = (c: Chaos): Draft => ({ ocsp: toKnob(c.ocsp), linkage: toKnob(c.linkage) });

/** The setting a knob asks for, or null while its delay is not a valid number. */
function fromKnob<M extends string>(knob: Knob<M>): { mode: M; delayMs: number } | null {
  const delay = parseDelayMs(knob.delay);
  return delay.ok ? { mode: knob.mode, delayMs: delay.value } : null;
}

function ModeSection<M extends string>({
  title,
  sub,
  name,
  modes,
  knob,
  onChange,
  disabled,
}: {
  title: string;
  sub: string;
  name: string;
  modes: Record<M, ModeLabel>;
  knob: Knob<M>;
  onChange: (knob: Knob<M>) => void;
  disabled: boolean;
}) {
  const delayCheck = parseDelayMs(knob.delay);
  const active = knob.mode !== "off" || (delayCheck.ok && delayCheck.value > 0);
  return (
    <section className="card">
      <h2>
        {title} <span className="h-en">{sub}</span>{" "}
        {active ? <Badge tone="warn">注入中 / Injecting</Badge> : <Badge tone="good">通常 / Normal</Badge>}
      </h2>
      <RadioChoices
        legend="モード / Mode"
        name={name}
        values={Object.keys(modes) as M[]}
        labels={modes}
        help={(m) => modes[m].help}
        value={knob.mode}
        onChange={(mode) => onChange({ ...knob, mode })}
        disabled={disabled}
      />
      <label className="field">
        <span className="field-label">遅延 / Delay (ms, 0–{MAX_DELAY_MS})</span>
        <input
          className={`input input-narrow mono${delayCheck.ok ? "" : " input-invalid"}`}
          inputMode="numeric"
          value={knob.delay}
          onChange={(e) => onChange({ ...knob, delay: e.target.value })}
          aria-invalid={!delayCheck.ok}
          disabled={disabled}
        />
      </label>
      {!delayCheck.ok && <div className="field-help text-bad">{delayCheck.error}</div>}
    </section>
  );
}

export function ChaosPage() {
  const toProblem = useToProblem();
  const { resource, reload, setData } = useResource((signal) => api.chaos(signal), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);

  const server = resource.status === "ready" ? resource.data : null;
  useEffect(() => {
    if (server !== null) setDraft(toDraft(server));
  }, [server]);

  const ocsp = draft === null ? null : fromKnob(draft.ocsp);
  const linkage = draft === null ? null : fromKnob(draft.linkage);
  const next: Chaos | null = ocsp !== null && linkage !== null ? { ocsp, linkage } : null;
  const dirty = server !== null && (next === null || !chaosEquals(next, server));

  const save = async () => {
    if (next === null) return;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const result = await api.saveChaos(next);
      setData(() => result);
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => (d === null ? d : { ...d, ...patch }));
  };

  return (
    <>
      <PageHeader
        ja="障害注入"
        en="Chaos"
        lead="依存する側（銀行など）のエラー処理を試すための設定 / Knobs for testing how relying parties handle failures"
      >
        <RefreshButton onClick={reload} disabled={busy} />
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload}>
        {(data) =>
          draft !== null && (
            <>
              {chaosIsActive(data) && (
                <Notice tone="warn">
                  障害注入が有効です。OCSP・紐付けの応答は意図的に異常です / Chaos is on: OCSP and linkage answers are deliberately wrong or slow.
                </Notice>
              )}
              <div className="grid grid-2">
                <ModeSection
                  title="OCSP"
                  sub="/ RFC 6960 responder"
                  name="ocsp-mode"
                  modes={OCSP_MODES}
                  knob={draft.ocsp}
                  onChange={(knob) => update({ ocsp: knob })}
                  disabled={busy}
                />
                <ModeSection
                  title="紐付け"
                  sub="/ Linkage API"
                  name="linkage-mode"
                  modes={LINKAGE_MODES}
                  knob={draft.linkage}
                  onChange={(knob) => update({ linkage: knob })}
                  disabled={busy}
                />
              </div>
              <div className="action-bar">
                <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => update(toDraft(CHAOS_OFF))}>
                  すべて通常に / All off
                </button>
                <button type="button" className="btn btn-ghost" disabled={busy || !dirty} onClick={() => setDraft(toDraft(data))}>
                  元に戻す / Revert
                </button>
                <button type="button" className="btn btn-primary" disabled={busy || !dirty || next === null} onClick={() => void save()}>
                  {busy ? "保存中… / Saving…" : "保存 / Save"}
                </button>
              </div>
              {saved && (
                <Notice onDismiss={() => setSaved(false)}>
                  保存しました / Saved — {chaosIsActive(data) ? "障害注入 有効 / chaos on" : "通常 / normal"}
                </Notice>
              )}
              {problem !== null && <ProblemBox problem={problem} onDismiss={() => setProblem(null)} />}
            </>
          )
        }
      </ResourceView>
    </>
  );
}
