/** 時計 / Clock: the sandbox clock (DESIGN.md "The sandbox clock"): advance by an ISO 8601 duration, reset. */
import { Badge, Bi, Loading, Notice, PageHeader, ProblemBox, formatJst, useToProblem, type ApiProblem } from "@jpki-sandbox/web-kit";
import { useState, type FormEvent } from "react";
import { api, type ClockReading } from "../api";
import { useClock, useSandboxNow } from "../components/clock";
import { Modal, RefreshButton } from "../components/ui";
import { describeDuration, parseDuration } from "../lib/duration";
import { approximateOffsetYears, formatOffset } from "../lib/format";

const PRESETS = [
  { duration: "P1D", ja: "+1日", en: "+1 day" },
  { duration: "P30D", ja: "+30日", en: "+30 days" },
  { duration: "P1Y", ja: "+1年", en: "+1 year" },
  { duration: "P5Y", ja: "+5年", en: "+5 years" },
] as const;

export function ClockPage() {
  const toProblem = useToProblem();
  const clock = useClock();
  const now = useSandboxNow();
  const [input, setInput] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const parsed = input.trim() === "" ? null : parseDuration(input);

  const run = async (action: () => Promise<ClockReading>, describe: (r: ClockReading) => string): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const reading = await action();
      clock.update(reading);
      setNotice(describe(reading));
      return true;
    } catch (error) {
      setProblem(toProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const advance = (duration: string) =>
    run(
      () => api.advanceClock(duration),
      (r) => `${duration} 進めました / Advanced by ${duration} → ${formatJst(r.now)}`,
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed?.ok === true) void advance(parsed.canonical).then((ok) => ok && setInput(""));
  };

  return (
    <>
      <PageHeader ja="時計" en="Sandbox clock" lead="実時間 + オフセット。bank と portal もこの時刻を使います / Real time plus an offset; bank and portal read this clock too.">
        <RefreshButton onClick={clock.refresh} />
      </PageHeader>

      {clock.reading === null && clock.problem === null && <Loading />}
      {clock.reading === null && clock.problem !== null && <ProblemBox problem={clock.problem} onRetry={clock.refresh} />}
      {clock.reading !== null && (
        <div className="grid grid-2 grid-clock">
          <section className="card clock-card">
            <div className="stat-head">
              <Bi ja="現在のサンドボックス時刻" en="Current sandbox time" />
            </div>
            <div className="clock-big">{formatJst(now ?? clock.reading.now)}</div>
            <div className="mono muted small">{(now ?? new Date(clock.reading.now)).toISOString()}</div>
            <dl className="kv">
              <dt>オフセット / Offset</dt>
              <dd>
                <Badge tone={clock.reading.offsetMs === 0 ? "neutral" : "warn"}>{formatOffset(clock.reading.offsetMs)}</Badge>{" "}
                <span className="muted">{approximateOffsetYears(clock.reading.offsetMs) ?? "実時間 / real time"}</span>
              </dd>
              <dt>実時間 / Real time</dt>
              <dd>{formatJst(new Date((now?.getTime() ?? Date.now()) - clock.reading.offsetMs))}</dd>
            </dl>
          </section>

          <section className="card">
            <h2>
              進める <span className="h-en">/ Advance</span>
            </h2>
            <div className="preset-row">
              {PRESETS.map((p) => (
                <button key={p.duration} type="button" className="btn btn-preset" disabled={busy} onClick={() => void advance(p.duration)}>
                  <span>{p.ja}</span>
                  <span className="btn-sub">{p.en}</span>
                </button>
              ))}
            </div>
            <form className="inline-form" onSubmit={onSubmit}>
              <label className="field">
                <span className="field-label">ISO 8601 期間 / duration</span>
                <input
                  className={`input mono${parsed?.ok === false ? " input-invalid" : ""}`}
                  placeholder="P5Y, P30D, PT12H"
                  value={input}
                  onChange={(e) => setInput(e.target.value)}
                  aria-invalid={parsed?.ok === false}
                  disabled={busy}
                />
              </label>
              <button type="submit" className="btn btn-primary" disabled={busy || parsed?.ok !== true}>
                進める / Advance
              </button>
            </form>
            <div className="field-help" aria-live="polite">
              {parsed === null
                ? "例 / e.g. P5Y = 5年 / 5 years, P1Y6M, P2W, PT36H"
                : parsed.ok
                  ? `${parsed.canonical} = ${describeDuration(parsed.value)}`
                  : <span className="text-bad">{parsed.error}</span>}
            </div>

            <hr />
            <div className="reset-row">
              <div>
                <strong>リセット / Reset</strong>
                <div className="muted small">オフセットを 0 に戻し、実時間に合わせます / Back to real time (offset 0)</div>
              </div>
              <button type="button" className="btn btn-danger-outline" disabled={busy || clock.reading.offsetMs === 0} onClick={() => setConfirmReset(true)}>
                リセット / Reset
              </button>
            </div>
          </section>
        </div>
      )}

      {notice !== null && <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>}
      {problem !== null && <ProblemBox problem={problem} onDismiss={() => setProblem(null)} />}

      {confirmReset && (
        <Modal title={<Bi ja="時計のリセット" en="Reset the clock" />} onClose={() => setConfirmReset(false)}>
          <p>サンドボックス時刻を実時間に戻します（オフセット 0）。</p>
          <p className="muted">The sandbox clock goes back to real time (offset 0).</p>
          <div className="modal-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setConfirmReset(false)}>
              キャンセル / Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                setConfirmReset(false);
                void run(() => api.resetClock(), (r) => `リセットしました / Reset → ${formatJst(r.now)}`);
              }}
            >
              リセット / Reset
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
