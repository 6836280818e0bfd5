/**
 * RFC 9457 problem details as the sandbox servers send them ({type, title, status, code, detail, …extensions}),
 * and a problem made up for anything else that can go wrong between a UI and its server (a proxy's HTML page,
 * a dropped connection, a throw in the UI itself), so a page always has a title, a detail and a code to show.
 */
export interface ApiProblem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(readonly problem: ApiProblem) {
    super(`${problem.title}${problem.detail === undefined ? "" : `: ${problem.detail}`} (${problem.code})`);
  }
}

/** The words that name the UI and its server in the problems made up here (bilingual, Japanese first). */
export interface ProblemTexts {
  /** Title of a NETWORK_ERROR: "jlis に接続できません / Cannot reach jlis". */
  unreachable: string;
  /** Title of a CLIENT_ERROR, something the UI itself threw: "画面のエラー / Page error". */
  clientError: string;
  /** Detail of a 401 that came without a problem body (the console: sign in as admin again); else its text. */
  unauthorized?: string;
}

/** Texts for a UI that names neither itself nor its server. */
export const DEFAULT_PROBLEM_TEXTS: ProblemTexts = {
  unreachable: "サーバーに接続できません / Cannot reach the server",
  clientError: "画面のエラー / Page error",
};

/** The title of a status that came without a problem body. */
export const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Not permitted",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function snippet(text: string): string | undefined {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain === "") return undefined;
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain;
}

/** The problem for an HTTP answer that was not a success; `body` is the raw response text. */
export function problemFromResponse(
  status: number,
  contentType: string | null,
  body: string,
  texts: Pick<ProblemTexts, "unauthorized"> = {},
): ApiProblem {
  const fallbackTitle = STATUS_TITLES[status] ?? `HTTP ${status}`;
  if (contentType !== null && /json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
        const p = parsed as Record<string, unknown>;
        const detail = str(p.detail);
        return {
          ...p,
          type: str(p.type) ?? "about:blank",
          title: str(p.title) ?? fallbackTitle,
          status: typeof p.status === "number" ? p.status : status,
          code: str(p.code) ?? `HTTP_${status}`,
          ...(detail === undefined ? {} : { detail }),
        };
      }
    } catch {
      // not JSON after all: fall through to the text form
    }
  }
  const detail = status === 401 && texts.unauthorized !== undefined ? texts.unauthorized : snippet(body);
  return { type: "about:blank", title: fallbackTitle, status, code: `HTTP_${status}`, ...(detail === undefined ? {} : { detail }) };
}

/** A problem for a request that got no HTTP answer at all. */
export function problemFromNetworkError(error: unknown, texts: Pick<ProblemTexts, "unreachable"> = DEFAULT_PROBLEM_TEXTS): ApiProblem {
  return { type: "about:blank", title: texts.unreachable, status: 0, code: "NETWORK_ERROR", detail: messageOf(error) };
}

/** A problem for a success answer whose body was not the JSON the UI expects. */
export function problemFromBadBody(status: number, body: string): ApiProblem {
  const detail = snippet(body);
  return {
    type: "about:blank",
    title: "予期しない応答 / Unexpected response",
    status,
    code: "UNEXPECTED_RESPONSE",
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Any thrown value as a problem to show: an ApiError's own, else a CLIENT_ERROR. */
export function toProblem(error: unknown, texts: Pick<ProblemTexts, "clientError"> = DEFAULT_PROBLEM_TEXTS): ApiProblem {
  if (error instanceof ApiError) return error.problem;
  return { type: "about:blank", title: texts.clientError, status: 0, code: "CLIENT_ERROR", detail: messageOf(error) };
}

/** One field problem from a VALIDATION_FAILED problem's `issues` (service-kit: `{ path: "body.persona.name", message }`). */
export interface FieldIssue {
  /** The path inside the request body, dotted: "persona.name", "signingPin". */
  path: string;
  message: string;
}

/**
 * The `issues` extension of a problem, as a list with body-relative paths. Tolerates a path given as an
 * array and a missing "body." prefix; ignores anything it cannot read.
 */
export function fieldIssues(problem: ApiProblem | null | undefined): FieldIssue[] {
  const raw = problem?.issues;
  if (!Array.isArray(raw)) return [];
  const out: FieldIssue[] = [];
  for (const item of raw as unknown[]) {
    if (item === null || typeof item !== "object") continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    const dotted = Array.isArray(path) ? path.map(String).join(".") : typeof path === "string" ? path : "";
    if (typeof message !== "string") continue;
    out.push({ path: dotted.replace(/^body\.?/, ""), message });
  }
  return out;
}

/** The messages of the issues for one field path ("persona.name"). */
export function issuesFor(issues: readonly FieldIssue[], path: string): string[] {
  return issues.filter((i) => i.path === path).map((i) => i.message);
}

/** The issues that no field on the form shows (so the problem box lists them instead). */
export function unplacedIssues(issues: readonly FieldIssue[], shownPaths: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !shownPaths.includes(i.path));
}
