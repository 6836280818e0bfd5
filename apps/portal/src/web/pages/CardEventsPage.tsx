/** 窓口手続き / Counter procedures for one card: move, change name, PIN reset, renewal, report lost. */
import { NextSteps, Notice, PageHeader, ResourceView, useResource } from "@jpki-sandbox/web-kit";
import { useEffect, useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import type { CardView, PinKind } from "../../shared/api-types";
import { api } from "../api";
import { CardStatusBadge, PinBadge, safeReturnPath } from "../components/cardBits";
import { flash } from "../components/flash";
import { Crumbs } from "../components/ui";
import { useSession } from "../components/useSession";
import { cardUsability } from "../lib/card";
import { AddressChangeForm, LossForm, NameChangeForm, PinResetForm, RenewalForm, type FormProps } from "./LifeEventForms";
import { NotFoundPage } from "./NotFoundPage";

const SECTIONS = [
  { id: "address-change", ja: "住所変更", en: "Move house" },
  { id: "name-change", ja: "氏名変更", en: "Change name" },
  { id: "pin-reset", ja: "パスワード初期化", en: "PIN reset" },
  { id: "renewal", ja: "更新", en: "Renewal" },
  { id: "loss", ja: "紛失届", en: "Report lost" },
] as const;

function Section({ id, children }: { id: (typeof SECTIONS)[number]["id"]; children: ReactNode }) {
  const s = SECTIONS.find((x) => x.id === id);
  return (
    <section className="card" id={id} data-testid={`event-${id}`}>
      <h2>
        {s?.ja} <span className="h-en">/ {s?.en}</span>
      </h2>
      {children}
    </section>
  );
}

function Procedures({ initial, sandboxNow }: { initial: CardView; sandboxNow: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const [card, setCard] = useState(initial);
  const [result, setResult] = useState<string | null>(null);
  const usability = cardUsability(card.status);
  const requestedPin = search.get("pin");
  const initialPin: PinKind | null = requestedPin === "userAuth" || requestedPin === "signing" ? requestedPin : null;
  const cardHref = `/cards/${encodeURIComponent(card.id)}`;
  // Sent here from an approval whose PIN was blocked: the way back to it.
  const returnTo = safeReturnPath(search.get("return"));

  // Path routes do not scroll to a #fragment by themselves (the PIN reset link from the wallet uses one).
  useEffect(() => {
    if (location.hash !== "") document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: "start" });
  }, [location.hash]);

  const done = (updated: CardView, message: string) => {
    setCard(updated);
    setResult(message);
    window.scrollTo({ top: 0 });
  };
  const props: FormProps = { card, sandboxNow, onDone: done };

  return (
    <>
      <PageHeader ja="窓口手続き" en="Counter procedures" lead={<>{card.holderName} <span className="mono small muted">{card.id}</span></>}>
        <CardStatusBadge status={card.status} />
        <Link className="btn" to={cardHref}>
          カードに戻る / Back to the card
        </Link>
      </PageHeader>
      {result !== null && (
        <Notice tone="good" testId="notice" onDismiss={() => setResult(null)}>
          {result} <Link to={cardHref}>カードを見る / View the card →</Link>
          {returnTo !== null && (
            <>
              {" "}
              <Link to={returnTo} data-testid="return-to-approval">
                署名の確認に戻る / Back to the approval →
              </Link>
            </>
          )}
        </Notice>
      )}
      {!usability.usable ? (
        <section className="card" data-testid="card-unusable">
          <p>{usability.why}</p>
          <p>
            {usability.next === "cards" ? (
              <Link to="/cards">私のカード / My cards →</Link>
            ) : (
              <Link to="/counter">市区町村窓口で新しいカードを発行 / Issue a new card at the counter →</Link>
            )}
          </p>
        </section>
      ) : (
        <>
          <nav className="section-nav" aria-label="手続き / Procedures">
            {SECTIONS.map((s) => (
              <a key={s.id} href={`#${s.id}`}>
                {s.ja} <span className="muted">/ {s.en}</span>
              </a>
            ))}
            <span className="badge-stack">
              <PinBadge kind="userAuth" state={card.pins.userAuth} />
              {card.pins.signing !== null && <PinBadge kind="signing" state={card.pins.signing} />}
            </span>
          </nav>
          <Section id="address-change">
            <AddressChangeForm {...props} />
          </Section>
          <Section id="name-change">
            <NameChangeForm {...props} />
          </Section>
          <Section id="pin-reset">
            <PinResetForm {...props} initialPin={initialPin} />
          </Section>
          <Section id="renewal">
            <RenewalForm
              {...props}
              onDone={(renewed, message) => navigate(`/cards/${encodeURIComponent(renewed.id)}`, flash(message))}
            />
          </Section>
          <Section id="loss">
            <LossForm {...props} />
          </Section>
        </>
      )}
      <NextSteps>
        {returnTo !== null && <Link to={returnTo}>署名の確認に戻る / Back to the approval</Link>}
        <Link to={cardHref}>カードに戻る / Back to the card</Link>
        <Link to="/cards">私のカード / My cards</Link>
        <Link to="/counter">新しいカードを発行 / Issue a new card</Link>
      </NextSteps>
    </>
  );
}

function CardEventsFor({ id }: { id: string }) {
  const { resource, reload } = useResource((signal) => api.card(id, signal), [id]);
  const { resource: session } = useSession(true);
  if (resource.status === "error" && resource.problem.status === 404) return <NotFoundPage what="カードが見つかりません / No such card" />;
  const sandboxNow = session.status === "ready" ? session.data.sandboxNow : new Date().toISOString();
  return (
    <>
      <Crumbs
        trail={[
          { to: "/", ja: "ホーム", en: "Home" },
          { to: "/counter", ja: "市区町村窓口", en: "Municipal counter" },
          { to: `/cards/${encodeURIComponent(id)}`, ja: resource.status === "ready" ? resource.data.card.holderName : "カード", en: "Card" },
          { ja: "窓口手続き", en: "Procedures" },
        ]}
      />
      <ResourceView resource={resource} onRetry={reload} what="card">
        {({ card }) => <Procedures initial={card} sandboxNow={sandboxNow} />}
      </ResourceView>
    </>
  );
}

export function CardEventsPage() {
  const { id = "" } = useParams();
  return <CardEventsFor key={id} id={id} />;
}
