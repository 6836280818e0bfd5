/**
 * @jpki-sandbox/web-kit: what the sandbox's browser UIs (the jlis operator console, the citizen portal)
 * share. RFC 9457 problems from fetch, useResource and the error boundary, JST formatting, bilingual labels
 * the session/CSRF client, useAction, and the small components that show them; the base stylesheet is "@jpki-sandbox/web-kit/styles.css".
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
