/** A chapter of the walkthrough: its number, title, state (済 done / 次 next / まだ not yet) and contents. */
import { Badge } from "@jpki-sandbox/web-kit";
import type { ReactNode } from "react";
import type { ChapterState } from "../../lib/walkthrough";

const STATE_WORDS: Record<ChapterState, { ja: string; en: string; tone: "good" | "info" | "neutral" }> = {
  done: { ja: "済", en: "done", tone: "good" },
  next: { ja: "次はここ", en: "next", tone: "info" },
  todo: { ja: "まだ", en: "not yet", tone: "neutral" },
};

export function Chapter({ n, id, ja, en, state, children }: { n: string; id: string; ja: string; en: string; state?: ChapterState; children: ReactNode }) {
  const words = state === undefined ? undefined : STATE_WORDS[state];
  return (
    <section className={`card wt-chapter${state === undefined ? "" : ` wt-${state}`}`} id={id} aria-labelledby={`${id}-title`} data-testid={`chapter-${id}`} data-state={state}>
      <header className="wt-chapter-head">
        <span className="wt-chapter-num" aria-hidden="true">
          {n}
        </span>
        <h2 id={`${id}-title`}>
          {ja} <span className="h-en">/ {en}</span>
        </h2>
        {words !== undefined && (
          <Badge tone={words.tone} testId={`chapter-${id}-state`}>
            {words.ja} <span className="badge-en">/ {words.en}</span>
          </Badge>
        )}
      </header>
      {children}
    </section>
  );
}
