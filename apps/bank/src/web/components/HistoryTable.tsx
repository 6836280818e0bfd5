/** A customer's status history (StatusEventView), newest first: "my account" and the staff view show the same. */
import { LabelBadge, Table, formatJst, lookup } from "@jpki-sandbox/web-kit";
import type { StatusEventView } from "../../shared/api-types";
import { EVENT_KINDS } from "../lib/labels";

export function HistoryTable({ history }: { history: readonly StatusEventView[] }) {
  if (history.length === 0) return <p className="card-pad muted">履歴はありません / No history yet.</p>;
  return (
    <Table head={<><th>日時 / When</th><th>出来事 / Event</th><th>内容 / Summary</th></>}>
      {history.map((e, i) => (
        <tr key={`${e.at}-${i}`}>
          <td className="nowrap">{formatJst(e.at)}</td>
          <td>
            <LabelBadge l={lookup(EVENT_KINDS, e.kind)} slash />
          </td>
          <td>{e.summary}</td>
        </tr>
      ))}
    </Table>
  );
}
