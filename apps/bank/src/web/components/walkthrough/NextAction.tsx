/** The walkthrough's one call to action, computed from the data (lib/walkthrough.ts nextAction). */
import { NextSteps } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import type { WalkthroughView } from "../../../shared/api-types";
import { nextAction, type WalkthroughProgress } from "../../lib/walkthrough";
import { NextLinks } from "../ui";

export function NextAction({ progress, view, portalUrl, compact = false }: { progress: WalkthroughProgress; view: WalkthroughView; portalUrl: string; compact?: boolean }) {
  const action = nextAction(progress, view, portalUrl);
  if (compact) {
    return (
      <NextSteps>
        {action !== undefined && <NextLinks links={[action.link]} />}
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    );
  }
  return (
    <section className="wt-cta" aria-label="次の一歩 / Next step" data-testid="walkthrough-next">
      {action === undefined ? (
        <div>
          <div className="wt-cta-title">すべての章を終えました / You have been through every chapter</div>
          <div className="small">
            職員ページでお客さまと S–R 紐付け、再検証の記録を確かめられます / The staff view shows the customer, the S–R link and the re-validation runs.{" "}
            <Link to="/staff">職員 / Staff →</Link>
          </div>
        </div>
      ) : (
        <>
          <div>
            <div className="wt-cta-title">次の一歩 / Next step</div>
            <div className="small">
              {action.why.ja}
              <br />
              <span className="muted">{action.why.en}</span>
            </div>
          </div>
          <span className="wt-cta-action" data-testid="walkthrough-next-cta">
            <NextLinks links={[action.link]} />
          </span>
        </>
      )}
    </section>
  );
}
