/** What the staff pages share: their tabs, and the problem shown when HTTP Basic was refused or cancelled. */
import { ProblemBox, type ApiProblem } from "@jpki-sandbox/web-kit";
import { NavLink } from "react-router";
import { isStaffUnauthenticated } from "../lib/problem";

export function StaffTabs() {
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? "tab active" : "tab");
  return (
    <nav className="tabs" aria-label="職員メニュー / Staff menu">
      <span className="tabs-label">職員 / Staff</span>
      <NavLink to="/staff" end className={cls}>
        お客さま・S–R紐付け / Customers &amp; S–R links
      </NavLink>
      <NavLink to="/staff/revalidations" className={cls}>
        再検証 / Re-validation
      </NavLink>
    </nav>
  );
}

export function StaffProblem({ problem, onRetry }: { problem: ApiProblem; onRetry: () => void }) {
  return (
    <ProblemBox problem={problem} onRetry={onRetry}>
      {isStaffUnauthenticated(problem) && (
        <p>
          職員用のページです。ブラウザがユーザー名 <code>staff</code> とパスワードを尋ねます。再試行してください / Staff only: your browser asks for the user
          name <code>staff</code> and its password (HTTP Basic). Retry to be asked again.
        </p>
      )}
    </ProblemBox>
  );
}
