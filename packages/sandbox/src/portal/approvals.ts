/**
 * A relying party's signing request as the citizen answers it at the portal (DESIGN.md "Bank ↔ portal"): the
 * approval page's own browser API — read the request, approve with a card and its PIN (the card signs), or
 * cancel. The answer is where the portal sends the browser back: `returnUrl?code=…&state=…`, or
 * `?error=access_denied&state=…` after a cancel.
 */
import type { BrowserSession } from "../http/browser-session.js";
import { SandboxError } from "../errors.js";
import { approvalViewSchema, redirectSchema, type ApprovalView } from "../schemas.js";

/** The request id of an approval URL (`<portal>/approve/<id>`), or an id itself. */
export function approvalIdOf(approvalUrlOrId: string): string {
  if (!/^https?:\/\//i.test(approvalUrlOrId)) {
    if (/^[^/?#\s]+$/.test(approvalUrlOrId)) return approvalUrlOrId;
  } else {
    const match = /\/approve\/([^/?#]+)\/?$/.exec(new URL(approvalUrlOrId).pathname);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  throw new SandboxError("INVALID_ARGUMENT", `not a portal approval URL (…/approve/<id>): ${approvalUrlOrId}`);
}

export class PortalApprovals {
  constructor(private readonly browser: BrowserSession) {}

  view(approvalUrl: string): Promise<ApprovalView> {
    const id = approvalIdOf(approvalUrl);
    return this.browser.get(`/api/approvals/${encodeURIComponent(id)}`, approvalViewSchema, `reading signing request ${id}`);
  }

  async approve(approvalUrl: string, cardId: string, pin: string): Promise<string> {
    const id = approvalIdOf(approvalUrl);
    const answer = await this.browser.post(`/api/approvals/${encodeURIComponent(id)}/approve`, { cardId, pin }, redirectSchema, `approving signing request ${id} with card ${cardId}`);
    return answer.redirectTo;
  }

  async cancel(approvalUrl: string): Promise<string> {
    const id = approvalIdOf(approvalUrl);
    return (await this.browser.post(`/api/approvals/${encodeURIComponent(id)}/cancel`, {}, redirectSchema, `cancelling signing request ${id}`)).redirectTo;
  }
}
