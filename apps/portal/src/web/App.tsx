/** The portal shell: sandbox banner, header and navigation, and the page for the path (BrowserRouter). */
import { ErrorBoundary } from "@jpki-sandbox/web-kit";
import { useEffect } from "react";
import { BrowserRouter, NavLink, Route, Routes, useLocation } from "react-router";
import { ApprovalPage } from "./pages/ApprovalPage";
import { CardEventsPage } from "./pages/CardEventsPage";
import { CardPage } from "./pages/CardPage";
import { CardsPage } from "./pages/CardsPage";
import { CounterPage } from "./pages/CounterPage";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";

/** Shown on every page: nothing here is JPKI (DESIGN.md "For the people who use it"). */
export function SandboxBanner() {
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox" data-testid="sandbox-banner">
      <strong>SANDBOX — TEST ONLY / テスト環境</strong>
      <span className="sandbox-banner-sep">·</span>
      <span>本物の公的個人認証サービス・マイナポータルではありません / Not the real JPKI or Mynaportal</span>
      <span className="sandbox-banner-sep">·</span>
      <span>合成データのみ / Synthetic data only</span>
    </div>
  );
}

const NAV = [
  { to: "/counter", ja: "窓口", en: "Counter" },
  { to: "/cards", ja: "私のカード", en: "My cards" },
] as const;

/** The page title for a path, for the browser tab and history. */
function titleFor(pathname: string): string {
  if (pathname === "/") return "ホーム / Home";
  if (pathname.startsWith("/approve/")) return "署名の確認 / Approval";
  if (/^\/counter\/cards\//.test(pathname)) return "窓口手続き / Counter procedures";
  if (pathname === "/counter") return "市区町村窓口 / Municipal counter";
  if (pathname === "/cards") return "私のカード / My cards";
  if (pathname.startsWith("/cards/")) return "カード / Card";
  return "見つかりません / Not found";
}

function Shell() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `[SANDBOX] ${titleFor(pathname)} — マイナポータル(模擬) / Citizen portal (TEST ONLY)`;
  }, [pathname]);
  return (
    <div className="shell">
      <SandboxBanner />
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          <span className="brand-mark">JPKI</span>
          <span>
            <span className="brand-name">JPKI Sandbox — マイナポータル(模擬)</span>
            <span className="brand-sub">Citizen portal · mock</span>
          </span>
        </NavLink>
        <nav className="nav" aria-label="メニュー / Menu">
          {NAV.map((n) => (
            <NavLink key={n.to} to={n.to} className={({ isActive }) => (isActive ? "nav-link active" : "nav-link")}>
              <span className="nav-ja">{n.ja}</span>
              <span className="nav-en">{n.en}</span>
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="content">
        <ErrorBoundary resetKey={pathname} label="portal">
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/counter" element={<CounterPage />} />
            <Route path="/counter/cards/:id" element={<CardEventsPage />} />
            <Route path="/cards" element={<CardsPage />} />
            <Route path="/cards/:id" element={<CardPage />} />
            <Route path="/approve/:id" element={<ApprovalPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        SANDBOX — TEST ONLY · 合成データのみ / synthetic data only · JPKI Sandbox citizen portal
      </footer>
    </div>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Shell />
    </BrowserRouter>
  );
}
