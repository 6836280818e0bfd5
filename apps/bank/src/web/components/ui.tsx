/**
 * The bank's own small pieces (the ones every sandbox UI shares are web-kit's: Bi, Badge, ProblemBox, Table,
 * SubmitButton, NextSteps…).
 */
import { Crumbs as KitCrumbs } from "@jpki-sandbox/web-kit";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ACTORS, stripFor, type FlowName, type FlowStep, type StripState } from "../lib/flow";
import { formatSerial } from "../lib/format";
import type { NextLink } from "../lib/journey";

/** Web-kit's breadcrumb trail, its links the router's. */
export function Crumbs({ trail }: { trail: ReadonlyArray<{ to?: string; ja: string; en: string }> }) {
  return <KitCrumbs trail={trail} Link={Link} />;
}

/** NextLink values (lib/journey.ts) as links: a route of this bank or a page at the portal. */
export function NextLinks({ links }: { links: readonly NextLink[] }) {
  return (
    <>
      {links.map((l) =>
        l.kind === "route" ? (
          <Link key={l.to} to={l.to} className={l.primary ? "btn btn-primary" : undefined} data-testid={`next-${l.to.replace(/^\//, "") || "home"}`}>
            {l.ja} / {l.en}
          </Link>
        ) : (
          <a key={l.href} href={l.href} className={l.primary ? "btn btn-primary" : undefined} data-testid="next-portal" target="_blank" rel="noreferrer">
            {l.ja} / {l.en} ↗
          </a>
        ),
      )}
    </>
  );
}

const STATE_TEXT: Record<StripState, string> = {
  done: "済 / done",
  current: "いまここ / you are here",
  failed: "失敗 / failed",
  todo: "",
};

/**
 * The slide's flow as a strip of numbered steps, the ones this page is at highlighted (DESIGN.md: every page says
 * where it is in the flow).
 */
export function FlowStrip({
  flow,
  current,
  steps,
  title,
}: {
  flow: FlowName;
  /** The numbers this page is at ("①"); ignored when `steps` is given. */
  current?: readonly string[];
  /** Precomputed states (a journey as it ran). */
  steps?: ReadonlyArray<FlowStep & { state: StripState }>;
  title?: ReactNode;
}) {
  const items = steps ?? stripFor(flow, current ?? []);
  const heading =
    title ??
    (flow === "opening" ? (
      <>
        口座開設の流れ（署名用電子証明書） <span className="h-en">/ Account opening, signed with S</span>
      </>
    ) : (
      <>
        ログインの流れ（利用者証明用電子証明書） <span className="h-en">/ Login with R</span>
      </>
    ));
  return (
    <section className={`flow-strip flow-${flow}`} aria-label="フローの現在地 / Where you are in the flow" data-testid="flow-strip">
      <div className="flow-strip-title">{heading}</div>
      <ol className="flow-steps">
        {items.map((s) => (
          <li key={s.number} className={`flow-step flow-${s.state}`} aria-current={s.state === "current" ? "step" : undefined} title={`${ACTORS[s.actor].ja} / ${ACTORS[s.actor].en}`}>
            <span className="flow-num">{s.number}</span>
            <span className="flow-text">
              <span className="flow-ja">{s.ja}</span>
              <span className="flow-en">{s.en}</span>
              {STATE_TEXT[s.state] !== "" && <span className="flow-state">{STATE_TEXT[s.state]}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A certificate serial in hex, monospace, with its kind tag (S or R). */
export function Serial({ kind, hex, testId }: { kind: "S" | "R"; hex: string | null | undefined; testId?: string }) {
  return (
    <span className="serial">
      <span className={`kind-tag kind-${kind}`} aria-label={kind === "S" ? "署名用 / S" : "利用者証明用 / R"}>
        {kind}
      </span>
      <code className="serial-hex" data-testid={testId}>
        {formatSerial(hex)}
      </code>
    </span>
  );
}
