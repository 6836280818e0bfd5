/**
 * @jpki-sandbox/web-kit: what the sandbox's browser UIs (the jlis operator console, the citizen portal)
 * share. RFC 9457 problems from fetch, useResource and the error boundary, JST formatting, bilingual labels
 * the session/CSRF client, useAction, and the small components that show them; the ASN.1 viewer (Asn1Tree) and
 * the decoded-message view (DecodedView); the base stylesheet is "@jpki-sandbox/web-kit/styles.css". The
 * decoders themselves (jpki-core's parsers) are "@jpki-sandbox/web-kit/decoders": jpki-core does not load in a
 * browser bundle yet (its crypto provider imports @peculiar/webcrypto), so a server decodes and a page shows.
 * Browser code: no `node:` imports.
 */
export {
  ApiError,
  DEFAULT_PROBLEM_TEXTS,
  STATUS_TITLES,
  fieldIssues,
  issuesFor,
  problemFromBadBody,
  problemFromNetworkError,
  problemFromResponse,
  toProblem,
  unplacedIssues,
  type ApiProblem,
  type FieldIssue,
  type ProblemTexts,
} from "./problem.js";
export { requestJson, type Fetch, type JsonRequest } from "./http.js";
export { CSRF_INVALID, createSessionClient, type SessionClient, type SessionClientOptions } from "./session-client.js";
export { ProblemTextsContext, useToProblem } from "./problem-texts.js";
export { useResource, type Resource } from "./useResource.js";
export { useAction } from "./useAction.js";
export { ErrorBoundary } from "./ErrorBoundary.js";
export { mountApp } from "./mount.js";
export { formatJst, formatJstDate, formatWareki, groupHex, isCalendarDate, pad, shortId } from "./format.js";
export { CARD_STATUSES, SEXES, label, lookup, type CardStatus, type Label, type Sex, type Tone } from "./labels.js";
export {
  Badge,
  Bi,
  Crumbs,
  Empty,
  LabelBadge,
  Loading,
  NextSteps,
  NotFoundPage,
  Notice,
  PageHeader,
  ProblemBox,
  ResourceView,
  SubmitButton,
  Table,
  type LinkComponent,
} from "./ui.js";
export { parseAsn1Tree, contentOf, encodingOf, findAsn1Node, walkAsn1, type Asn1Node, type Asn1Tree as Asn1ParsedTree, type TagClass } from "./asn1/der-tree.js";
export { decodeOidContents, decodeTime, oidName, tagName, valueText, type ValueText } from "./asn1/values.js";
export { derKindOf, type DerKind } from "./asn1/der-kind.js";
export type { CertIdSummary, CertificateSummary, Decoded, OcspRequestSummary, OcspResponseSummary, SingleResponseSummary } from "./asn1/decode-pki.js";
export type { CmsSummary, SignerSummary } from "./asn1/decode-cms.js";
export type { DecodedDer } from "./asn1/decode-message.js";
export { Asn1Tree } from "./asn1/Asn1Tree.js";
export { CertificateSummaryView, CmsSummaryView, DecodedView, OcspRequestSummaryView, OcspResponseSummaryView } from "./asn1/DecodedView.js";
