/** The card's APDU log: every command the virtual card answered, newest first (JPKI.md "The card"). */
import { Badge, Empty, ResourceView, Table, formatJst, useResource } from "@jpki-sandbox/web-kit";
import { api } from "../api";
import { abbreviateHex, describeStatusWord, maskVerifyData, newestFirst } from "../lib/apdu";

function Hex({ hex }: { hex: string }) {
  const short = abbreviateHex(hex);
  if (!short.truncated) return <code className="hex">{short.text === "" ? "—" : short.text}</code>;
  return (
    <details className="hex-details">
      <summary>
        <code className="hex">{short.text}</code> <span className="small muted">({short.bytes} bytes)</span>
      </summary>
      <code className="hex break">{hex}</code>
    </details>
  );
}

export function ApduLogPanel({ cardId }: { cardId: string }) {
  const { resource, reload } = useResource((signal) => api.apduLog(cardId, signal), [cardId]);
  return (
    <section className="card card-flush" data-testid="apdu-log">
      <div className="toolbar">
        <h2 className="toolbar-title">
          APDUログ <span className="h-en">/ APDU log</span>
        </h2>
        <span className="small muted">カードが受け取った命令と応答（新しい順） / Commands the card answered, newest first</span>
        <button type="button" className="btn btn-small" onClick={reload} disabled={resource.status === "ready" && resource.refreshing}>
          更新 / Refresh
        </button>
      </div>
      <ResourceView resource={resource} onRetry={reload} what="APDU log">
        {({ entries }) =>
          entries.length === 0 ? (
            <Empty ja="まだ記録がありません" en="No commands yet" />
          ) : (
            <Table
              dense
              head={
                <>
                  <th>時刻 / Time</th>
                  <th>内容 / Description</th>
                  <th>コマンド / Command</th>
                  <th>応答 / Response</th>
                  <th>SW / Status</th>
                </>
              }
            >
              {newestFirst(entries).map((e, i) => {
                const sw = describeStatusWord(e.status);
                return (
                  <tr key={`${e.at}-${i}`}>
                    <td className="nowrap small">{formatJst(e.at)}</td>
                    <td>{e.description}</td>
                    <td className="hex-cell">
                      <Hex hex={maskVerifyData(e.command)} />
                    </td>
                    <td className="hex-cell">
                      <Hex hex={e.response} />
                    </td>
                    <td className="nowrap">
                      <Badge tone={sw.tone} {...(sw.en === "" ? {} : { title: `${sw.ja} / ${sw.en}` })}>
                        {sw.sw}
                      </Badge>
                      {sw.en !== "" && (
                        <div className="cell-sub">
                          {sw.ja} / {sw.en}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </Table>
          )
        }
      </ResourceView>
    </section>
  );
}
