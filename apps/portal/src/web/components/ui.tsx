/**
 * The portal's own small pieces (the ones every sandbox UI shares are web-kit's: Bi, Badge, ProblemBox, Table,
 * SubmitButton, NextSteps, NotFoundPage…).
 */
import { Crumbs as KitCrumbs } from "@jpki-sandbox/web-kit";
import { Link } from "react-router";

/** Web-kit's breadcrumb trail, its links the router's. */
export function Crumbs({ trail }: { trail: ReadonlyArray<{ to?: string; ja: string; en: string }> }) {
  return <KitCrumbs trail={trail} Link={Link} />;
}
