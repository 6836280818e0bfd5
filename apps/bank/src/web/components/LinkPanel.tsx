/** The S–R link the bank keeps (⑦⑧): the signing certificate's serial beside the user-authentication one's. */
import { Badge, formatJst, lookup } from "@jpki-sandbox/web-kit";
import type { LinkView } from "../../shared/api-types";
import { LINK_SOURCES } from "../lib/labels";
import { Serial } from "./ui";

export function LinkPair({ link, testId }: { link: Pick<LinkView, "signingSerial" | "userAuthSerial">; testId?: string }) {
  return (
    <span className="link-pair" data-testid={testId}>
      <Serial kind="S" hex={link.signingSerial} testId={testId === undefined ? undefined : `${testId}-s`} />
      <span className="link-dash" aria-label="linked to">
        —
      </span>
      {link.userAuthSerial === null ? (
        <span className="muted small">R 未照会 / R not known</span>
      ) : (
        <Serial kind="R" hex={link.userAuthSerial} testId={testId === undefined ? undefined : `${testId}-r`} />
      )}
    </span>
  );
}

export function LinkPanel({ link, testId = "link" }: { link: LinkView; testId?: string }) {
  const source = lookup(LINK_SOURCES, link.source);
  return (
    <section className="card link-panel" data-testid={testId}>
      <h2>
        S–R の紐付け <span className="h-en">/ The S–R link the bank keeps</span>
        {link.active ? <Badge tone="good">有効 / active</Badge> : <Badge tone="neutral">過去 / inactive</Badge>}
      </h2>
      <div className="link-big">
        <LinkPair link={link} testId={`${testId}-pair`} />
      </div>
      <p className="small muted">
        署名用電子証明書（S）のシリアル番号と、J-LIS が答えた利用者証明用電子証明書（R）のシリアル番号（16進） / The serial of the signing certificate and the
        user-authentication serial J-LIS answered for it (hex). {source.ja} / {source.en} · {formatJst(link.createdAt)}
      </p>
    </section>
  );
}
