/** The console shell: sandbox marker, navigation, sandbox clock, and the page for the current hash. */
import { ErrorBoundary, formatJst } from "@jpki-sandbox/web-kit";
import { useEffect, useState, type ReactNode } from "react";
import { ClockProvider, useClock, useSandboxNow } from "./components/clock";
import { formatOffset } from "./lib/format";
import { PAGES, parseRoute, routeHref, type Route } from "./lib/route";
import { AuditPage } from "./pages/AuditPage";
import { CertificatesPage } from "./pages/CertificatesPage";
import { ChaosPage } from "./pages/ChaosPage";
import { ClockPage } from "./pages/ClockPage";
import { CrlsPage } from "./pages/CrlsPage";
import { OverviewPage } from "./pages/OverviewPage";
import { ResidentsPage } from "./pages/ResidentsPage";
import { VerifiersPage } from "./pages/VerifiersPage";

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** Shown on every page: nothing here is JPKI (DESIGN.md "For the people who use it"). */
export function SandboxBanner() {
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox">
      <strong>SANDBOX — TEST ONLY / テスト専用</strong>
      <span className="sandbox-banner-sep">·</span>
      <span>本物の公的個人認証サービスではありません / Not the real JPKI</span>
      <span className="sandbox-banner-sep">·</span>
      <span>合成データのみ / Synthetic data only</span>
    </div>
  );
}

function TopClock() {
  const { reading, problem } = useClock();
  const now = useSandboxNow();
  return (
    <a className="topclock" href={routeHref("clock")} title="時計 / Clock">
      <span className="topclock-label">サンドボックス時刻 / Sandbox time</span>
      {now !== null && reading !== null ? (
        <>
          <span className="topclock-time">{formatJst(now)}</span>
          <span className={`badge ${reading.offsetMs === 0 ? "badge-neutral" : "badge-warn"}`}>
            {formatOffset(reading.offsetMs)}
          </span>
        </>
      ) : problem !== null ? (
        <span className="topclock-time topclock-error">{problem.code}</span>
      ) : (
        <span className="topclock-time">…</span>
      )}
    </a>
  );
}

function Page({ route }: { route: Route }): ReactNode {
  switch (route.page) {
    case "overview":
      return <OverviewPage />;
    case "residents":
      return <ResidentsPage />;
    case "certificates":
      return <CertificatesPage params={route.params} />;
    case "crls":
      return <CrlsPage />;
    case "clock":
      return <ClockPage />;
    case "chaos":
      return <ChaosPage />;
    case "verifiers":
      return <VerifiersPage />;
    case "audit":
      return <AuditPage />;
  }
}

export function App() {
  const route = useRoute();
  const current = PAGES.find((p) => p.id === route.page) ?? PAGES[0];

  useEffect(() => {
    document.title = `[SANDBOX] ${current.ja} / ${current.en} — J-LIS 運用コンソール (TEST ONLY)`;
  }, [current]);

  return (
    <ClockProvider>
      <div className="shell">
        <SandboxBanner />
        <div className="frame">
          <nav className="sidebar" aria-label="メニュー / Menu">
            <div className="brand">
              <div className="brand-mark">J-LIS</div>
              <div>
                <div className="brand-name">運用コンソール</div>
                <div className="brand-sub">Operator console · mock</div>
              </div>
            </div>
            <ul className="nav">
              {PAGES.map((p) => (
                <li key={p.id}>
                  <a
                    href={routeHref(p.id)}
                    className={p.id === route.page ? "nav-link active" : "nav-link"}
                    aria-current={p.id === route.page ? "page" : undefined}
                  >
                    <span className="nav-text">
                      <span className="nav-ja">{p.ja}</span>
                      <span className="nav-en">{p.en}</span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            <div className="sidebar-foot">
              <span className="sandbox-chip">SANDBOX</span>
              <p>
                地方公共団体情報システム機構（模擬）
                <br />
                Mock J-LIS · TEST ONLY
              </p>
            </div>
          </nav>
          <main className="main">
            <div className="topbar">
              <div className="crumb">
                J-LIS <span aria-hidden="true">›</span> {current.ja} / {current.en}
              </div>
              <TopClock />
            </div>
            <div className="content">
              <ErrorBoundary resetKey={route.page} label="console">
                <Page route={route} />
              </ErrorBoundary>
            </div>
          </main>
        </div>
      </div>
    </ClockProvider>
  );
}
