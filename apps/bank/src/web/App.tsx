/** The bank's shell: sandbox banner, header and navigation, and the page for the path (BrowserRouter). */
import { ErrorBoundary } from "@jpki-sandbox/web-kit";
import { useEffect } from "react";
import { BrowserRouter, NavLink, Route, Routes, useLocation } from "react-router";
import { SessionProvider, useSessionInfo } from "./components/session";
import { AccountPage } from "./pages/AccountPage";
import { HomePage } from "./pages/HomePage";
import { JourneyPage } from "./pages/JourneyPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OpenAccountPage } from "./pages/OpenAccountPage";
import { StaffCustomerPage } from "./pages/StaffCustomerPage";
import { StaffCustomersPage } from "./pages/StaffCustomersPage";
import { StaffRevalidationsPage } from "./pages/StaffRevalidationsPage";
import { WalkthroughPage } from "./pages/WalkthroughPage";
import { titleFor } from "./lib/titles";

/** Shown on every page: nothing here is a real bank or JPKI (DESIGN.md "For the people who use it"). */
export function SandboxBanner() {
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox" data-testid="sandbox-banner">
      <strong>SANDBOX — TEST ONLY / テスト環境</strong>
      <span className="sandbox-banner-sep">·</span>
      <span>実在の銀行ではありません。お金は動きません / Not a real bank: no money moves</span>
      <span className="sandbox-banner-sep">·</span>
      <span>合成データのみ / Synthetic data only</span>
    </div>
  );
}

const NAV = [
  { to: "/walkthrough", ja: "ウォークスルー", en: "Walkthrough" },
  { to: "/open", ja: "口座開設", en: "Open account" },
  { to: "/login", ja: "ログイン", en: "Log in" },
  { to: "/account", ja: "口座", en: "My account" },
] as const;

function navClass({ isActive }: { isActive: boolean }) {
  return isActive ? "nav-link active" : "nav-link";
}

function Who() {
  const session = useSessionInfo();
  if (session === null) return null;
  return session.customer === null ? (
    <span className="who" data-testid="who">
      未ログイン <span className="who-en">/ Not logged in</span>
    </span>
  ) : (
    <NavLink to="/account" className="who who-in" data-testid="who">
      <span className="who-dot" aria-hidden="true" />
      {session.customer.name} <span className="who-en">様 / logged in</span>
    </NavLink>
  );
}

function Shell() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `[SANDBOX] ${titleFor(pathname)} — サンドボックス銀行 / Sandbox Bank (TEST ONLY)`;
  }, [pathname]);
  return (
    <div className="shell">
      <SandboxBanner />
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          <span className="brand-mark" aria-hidden="true">
            SB
          </span>
          <span>
            <span className="brand-name">サンドボックス銀行</span>
            <span className="brand-sub">
              Sandbox Bank <span className="brand-test">TEST ONLY</span>
            </span>
          </span>
        </NavLink>
        <nav className="nav" aria-label="メニュー / Menu">
          {NAV.map((n) => (
            <NavLink key={n.to} to={n.to} className={navClass}>
              <span className="nav-ja">{n.ja}</span>
              <span className="nav-en">{n.en}</span>
            </NavLink>
          ))}
          <NavLink to="/staff" className={({ isActive }) => `${navClass({ isActive })} nav-staff`}>
            <span className="nav-ja">職員</span>
            <span className="nav-en">Staff</span>
          </NavLink>
        </nav>
        <Who />
      </header>
      <main className="content">
        <ErrorBoundary resetKey={pathname} label="bank">
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/walkthrough" element={<WalkthroughPage />} />
            <Route path="/open" element={<OpenAccountPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/journeys/:id" element={<JourneyPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/staff" element={<StaffCustomersPage />} />
            <Route path="/staff/customers/:id" element={<StaffCustomerPage />} />
            <Route path="/staff/journeys/:id" element={<JourneyPage staff />} />
            <Route path="/staff/revalidations" element={<StaffRevalidationsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        SANDBOX — TEST ONLY · サンドボックス銀行 / Sandbox Bank — JPKI Sandbox の利用者（署名検証者） / the sandbox's relying party ·
        合成データのみ / synthetic data only
      </footer>
    </div>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </BrowserRouter>
  );
}
