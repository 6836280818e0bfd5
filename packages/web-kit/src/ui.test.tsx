import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CARD_STATUSES } from "./labels.js";
import type { ApiProblem } from "./problem.js";
import type { ReactNode } from "react";
import { Badge, Bi, Crumbs, LabelBadge, NextSteps, NotFoundPage, Notice, ProblemBox, ResourceView, SubmitButton } from "./ui.js";

const html = (node: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(node);
const PROBLEM: ApiProblem = { type: "about:blank", title: "Conflict", status: 409, code: "CARD_LOST", detail: "the card is lost" };

describe("Bi and badges", () => {
  it("writes Japanese first, English beside it", () => {
    expect(html(<Bi ja="失効" en="Revoke" />)).toBe('<span class="bi"><span class="bi-ja">失効</span><span class="bi-en"> / Revoke</span></span>');
  });

  it("tones a badge and gives it a test id only when asked", () => {
    expect(html(<Badge tone="warn">x</Badge>)).toBe('<span class="badge badge-warn">x</span>');
    expect(html(<Badge testId="card-status">x</Badge>)).toBe('<span class="badge badge-neutral" data-testid="card-status">x</span>');
  });

  it("writes a label badge the console's way or, with slash, the portal's", () => {
    expect(html(<LabelBadge l={CARD_STATUSES.lost} />)).toBe('<span class="badge badge-bad">紛失 <span class="badge-en">Lost</span></span>');
    expect(html(<LabelBadge l={CARD_STATUSES.lost} slash testId="s" />)).toBe(
      '<span class="badge badge-bad" data-testid="s">紛失 <span class="badge-en">/ Lost</span></span>',
    );
  });
});

describe("ProblemBox", () => {
  it("shows the title, code, status and detail", () => {
    const out = html(<ProblemBox problem={PROBLEM} />);
    expect(out).toContain('<div class="problem" role="alert" data-testid="problem">');
    expect(out).toContain('<code class="problem-code">CARD_LOST</code>');
    expect(out).toContain("HTTP 409");
    expect(out).toContain('<p class="problem-detail">the card is lost</p>');
    expect(out).not.toContain("problem-actions");
  });

  it("lists the unplaced issues, what to do next and the buttons asked for", () => {
    const out = html(
      <ProblemBox problem={{ ...PROBLEM, status: 0 }} issues={[{ path: "persona.name", message: "too short" }, { path: "", message: "unrecognised key" }]} onRetry={() => undefined}>
        <p>next</p>
      </ProblemBox>,
    );
    expect(out).not.toContain("HTTP 0");
    expect(out).toContain('<ul class="problem-issues"><li><code>persona.name</code> too short</li><li> unrecognised key</li></ul>');
    expect(out).toContain('<div class="problem-extra"><p>next</p></div>');
    expect(out).toContain("再試行 / Retry");
    expect(out).not.toContain("閉じる / Dismiss");
  });
});

describe("ResourceView", () => {
  const retry = () => undefined;
  it("shows a spinner, naming what loads when told", () => {
    expect(html(<ResourceView resource={{ status: "loading" }} onRetry={retry}>{() => "x"}</ResourceView>)).toContain("読み込み中… / Loading…");
    expect(html(<ResourceView resource={{ status: "loading" }} onRetry={retry} what="cards">{() => "x"}</ResourceView>)).toContain("Loading cards…");
  });

  it("shows the problem, padded inside a flush card when asked", () => {
    const resource = { status: "error", problem: PROBLEM } as const;
    expect(html(<ResourceView resource={resource} onRetry={retry}>{() => "x"}</ResourceView>)).toMatch(/^<div class="problem"/);
    expect(html(<ResourceView resource={resource} onRetry={retry} inCard>{() => "x"}</ResourceView>)).toMatch(/^<div class="card-pad"><div class="problem"/);
  });

  it("renders the data when ready", () => {
    expect(html(<ResourceView resource={{ status: "ready", data: 42, refreshing: false }} onRetry={retry}>{(n) => <b>{n}</b>}</ResourceView>)).toBe("<b>42</b>");
  });
});

it("Notice has a dismiss button only when it can be dismissed", () => {
  expect(html(<Notice>done</Notice>)).toBe('<div class="notice notice-good" role="status"><div>done</div></div>');
  expect(html(<Notice tone="warn" testId="n" onDismiss={() => undefined}>done</Notice>)).toContain('aria-label="閉じる / Dismiss"');
});

/** Stands in for the router's Link. */
const A = ({ to, children }: { to: string; children?: ReactNode }) => <a href={to}>{children}</a>;

describe("Crumbs, SubmitButton, NextSteps and NotFoundPage", () => {
  it("links every crumb but the last through the app's Link", () => {
    expect(html(<Crumbs Link={A} trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "カード", en: "Card" }]} />)).toBe(
      '<nav class="crumbs" aria-label="現在地 / You are here"><span><a href="/">ホーム <span class="muted">/ Home</span></a></span>' +
        '<span><span class="crumb-sep" aria-hidden="true">›</span><span aria-current="page">カード <span class="muted">/ Card</span></span></span></nav>',
    );
  });

  it("shows the busy text and disables the button while busy", () => {
    expect(html(<SubmitButton busy={false} busyText="…">送信</SubmitButton>)).toBe('<button type="submit" class="btn btn-primary" aria-busy="false">送信</button>');
    const busy = html(<SubmitButton busy busyText="送信中" testId="go">送信</SubmitButton>);
    expect(busy).toContain("disabled");
    expect(busy).toContain('data-testid="go"');
    expect(busy).toContain("送信中");
  });

  it("writes the next steps and the not-found page with the app's entries", () => {
    expect(html(<NextSteps>x</NextSteps>)).toBe('<nav class="next-steps" aria-label="次へ / Next" data-testid="next-steps"><span class="next-label">次へ / Next:</span>x</nav>');
    const page = html(
      <NotFoundPage pathname="/nope" Link={A}>
        <li>entry</li>
      </NotFoundPage>,
    );
    expect(page).toContain("Nothing lives at /nope");
    expect(page).toContain('<ul class="link-list"><li>entry</li></ul>');
    expect(html(<NotFoundPage pathname="/cards/x" what="No such card" Link={A}>{null}</NotFoundPage>)).toContain('<p class="lead">No such card</p>');
  });
});
