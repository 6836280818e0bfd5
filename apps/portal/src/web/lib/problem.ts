/**
 * RFC 9457 problem details as the portal sends them ({type, title, status, code, detail, …extensions}), and
 * a problem made up for anything else that can go wrong between the browser and the portal (a proxy's HTML
 * page, a dropped connection), so every page always has a title, a detail and a code to show.
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

const STATUS_TEXT: Record<number, string> = {
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
export function problemFromResponse(status: number, contentType: string | null, body: string): ApiProblem {
  const fallbackTitle = STATUS_TEXT[status] ?? `HTTP ${status}`;
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
  const detail = snippet(body);
  return { type: "about:blank", title: fallbackTitle, status, code: `HTTP_${status}`, ...(detail === undefined ? {} : { detail }) };
}

/** A problem for a request that got no HTTP answer at all. */
export function problemFromNetworkError(error: unknown): ApiProblem {
  return {
    type: "about:blank",
    title: "ポータルに接続できません / Cannot reach the portal",
    status: 0,
    code: "NETWORK_ERROR",
    detail: error instanceof Error ? error.message : String(error),
  };
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

/** Any thrown value as a problem to show. */
export function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiError) return error.problem;
  return {
    type: "about:blank",
    title: "画面のエラー / Page error",
    status: 0,
    code: "CLIENT_ERROR",
    detail: error instanceof Error ? error.message : String(error),
  };
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

/** `triesLeft` of a PIN_INCORRECT problem, when the server sent a number. */
export function triesLeftOf(problem: ApiProblem): number | null {
  return typeof problem.triesLeft === "number" && Number.isFinite(problem.triesLeft) ? problem.triesLeft : null;
}
