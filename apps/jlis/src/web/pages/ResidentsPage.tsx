/** 住民 / Residents: the synthetic personas jlis knows, with their cards. */
import {
  Badge,
  CARD_STATUSES,
  Empty,
  LabelBadge,
  PageHeader,
  ResourceView,
  SEXES,
  Table,
  formatJst,
  formatJstDate,
  formatWareki,
  label,
  lookup,
  shortId,
  useResource,
} from "@jpki-sandbox/web-kit";
import { useMemo, useState } from "react";
import { api, type Resident } from "../api";
import { RefreshButton, SearchInput } from "../components/ui";
import { routeHref } from "../lib/route";

function matches(resident: Resident, text: string): boolean {
  if (text === "") return true;
  const needle = text.toLowerCase();
  return [resident.name, resident.address, resident.id, resident.dateOfBirth].some((v) => v.toLowerCase().includes(needle));
}

export function ResidentsPage() {
  const { resource, reload } = useResource((signal) => api.residents(signal), []);
  const [search, setSearch] = useState("");
  const residents = resource.status === "ready" ? resource.data.residents : [];
  const shown = useMemo(() => residents.filter((r) => matches(r, search.trim())), [residents, search]);

  return (
    <>
      <PageHeader ja="住民" en="Residents" lead="合成データのみ（実在の人物ではありません） / Synthetic personas only — never a real person">
        <RefreshButton onClick={reload} />
      </PageHeader>
      <ResourceView resource={resource} onRetry={reload}>
        {(data) => (
          <section className="card card-flush">
            <div className="toolbar">
              <SearchInput placeholder="氏名・住所で検索 / Search name or address" value={search} onChange={setSearch} />
              <span className="muted">
                {shown.length} / {data.residents.length} 件 / residents
              </span>
            </div>
            {data.residents.length === 0 ? (
              <Empty ja="住民はまだいません" en="No residents yet">
                <p className="muted">
                  市区町村窓口（portal）から登録します / Residents are registered through the municipal counter (portal).
                </p>
              </Empty>
            ) : shown.length === 0 ? (
              <Empty ja="該当なし" en="Nothing matches the search" />
            ) : (
              <Table
                head={
                  <>
                    <th>氏名 / Name</th>
                    <th>生年月日 / Date of birth</th>
                    <th>性別 / Sex</th>
                    <th>住所 / Address</th>
                    <th>カード / Cards</th>
                  </>
                }
              >
                {shown.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <div className="cell-main">{r.name}</div>
                      <div className="cell-sub mono" title={r.id}>
                        {shortId(r.id)}
                      </div>
                      {r.deceasedAt !== null && (
                        <Badge tone="bad" title={formatJst(r.deceasedAt)}>
                          死亡 / Deceased {formatJstDate(r.deceasedAt)}
                        </Badge>
                      )}
                    </td>
                    <td className="nowrap">
                      <div>{r.dateOfBirth}</div>
                      <div className="cell-sub">{formatWareki(r.dateOfBirth)}</div>
                    </td>
                    <td className="nowrap">{label(SEXES[r.sex] ?? { ja: r.sex, en: r.sex })}</td>
                    <td>
                      <div>{r.address}</div>
                      <div className="cell-sub">
                        {r.prefecture} {r.city}
                      </div>
                    </td>
                    <td>
                      {r.cards.length === 0 ? (
                        <span className="muted">なし / none</span>
                      ) : (
                        <ul className="card-list">
                          {r.cards.map((c) => (
                            <li key={c.id}>
                              <LabelBadge l={lookup(CARD_STATUSES, c.status)} />
                              <span className="cell-sub nowrap" title={`${formatJst(c.issuedAt)} – ${formatJst(c.expiresAt)}`}>
                                {formatJstDate(c.issuedAt)} → {formatJstDate(c.expiresAt)}
                              </span>
                              <span className="cell-sub mono" title={c.id}>
                                {shortId(c.id)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                      <a className="small" href={routeHref("certificates", { resident: r.id })}>
                        証明書 / Certificates →
                      </a>
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </section>
        )}
      </ResourceView>
    </>
  );
}
