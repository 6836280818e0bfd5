/** 私のカード / My cards: every virtual My Number Card issued in this sandbox portal. */
import { Empty, formatJstDate, NextSteps, PageHeader, ResourceView, shortId, Table, useResource } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";
import { api } from "../api";
import { CardStatusBadge, CertificateMarks, PinBadge, PinResetLink } from "../components/cardBits";
import { Crumbs } from "../components/ui";

export function CardsPage() {
  const { resource, reload } = useResource((signal) => api.cards(signal), []);
  return (
    <>
      <Crumbs trail={[{ to: "/", ja: "ホーム", en: "Home" }, { ja: "私のカード", en: "My cards" }]} />
      <PageHeader ja="私のカード" en="My cards" lead="このポータルで交付した仮想マイナンバーカード / Virtual My Number Cards issued at this portal's counter">
        <button type="button" className="btn" onClick={reload}>
          更新 / Refresh
        </button>
        <Link className="btn btn-primary" to="/counter">
          カードを発行 / Issue a card
        </Link>
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload} what="cards">
        {({ cards }) =>
          cards.length === 0 ? (
            <section className="card">
              <Empty ja="カードはまだありません" en="No cards yet">
                <p>
                  <Link to="/counter">市区町村窓口でカードを発行する / Issue one at the municipal counter →</Link>
                </p>
              </Empty>
            </section>
          ) : (
            <section className="card card-flush">
              <Table
                head={
                  <>
                    <th>名義人 / Holder</th>
                    <th>状態 / Status</th>
                    <th>証明書 / Certificates</th>
                    <th>パスワード / PINs</th>
                    <th>有効期間 / Valid</th>
                    <th />
                  </>
                }
              >
                {cards.map((c) => (
                  <tr key={c.id} data-testid={`card-row-${c.id}`}>
                    <td>
                      <Link className="cell-main" to={`/cards/${encodeURIComponent(c.id)}`}>
                        {c.holderName}
                      </Link>
                      <div className="cell-sub mono" title={c.id}>
                        {shortId(c.id)}
                      </div>
                    </td>
                    <td>
                      <CardStatusBadge status={c.status} />
                    </td>
                    <td>
                      <CertificateMarks card={c} />
                    </td>
                    <td>
                      <div className="badge-stack">
                        <PinBadge kind="userAuth" state={c.pins.userAuth} />
                        {c.pins.signing !== null && <PinBadge kind="signing" state={c.pins.signing} />}
                      </div>
                      {c.status === "active" && c.pins.userAuth.blocked && <PinResetLink cardId={c.id} pin="userAuth" />}
                      {c.status === "active" && c.pins.signing?.blocked === true && <PinResetLink cardId={c.id} pin="signing" />}
                    </td>
                    <td className="nowrap cell-sub">
                      {formatJstDate(c.issuedAt)} → {formatJstDate(c.expiresAt)}
                    </td>
                    <td className="nowrap">
                      <Link to={`/cards/${encodeURIComponent(c.id)}`}>カードを見る / Open →</Link>
                      {c.status === "active" && (
                        <div>
                          <Link className="small" to={`/counter/cards/${encodeURIComponent(c.id)}`}>
                            窓口手続き / Counter →
                          </Link>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            </section>
          )
        }
      </ResourceView>
      <NextSteps>
        <Link to="/counter">市区町村窓口 / Municipal counter</Link>
        <Link to="/">ホーム / Home</Link>
      </NextSteps>
    </>
  );
}
