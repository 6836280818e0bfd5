/**
 * RFC 9457 problem details as jlis sends them ({type, title, status, code, detail}), and a problem made up
 * for anything else that can go wrong between the console and jlis (a proxy's HTML page, a dropped
 * connection), so the console always has a title, a detail and a code to show — never a blank page.
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
  413: "Payload too large",
  415: "Unsupported media type",
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
  const isJson = contentType !== null && /json/i.test(contentType);
  if (isJson) {
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
  const detail =
    status === 401
      ? "再読み込みして管理者としてログインしてください / Reload the page and sign in as admin"
      : snippet(body);
  return {
    type: "about:blank",
    title: fallbackTitle,
    status,
    code: `HTTP_${status}`,
    ...(detail === undefined ? {} : { detail }),
  };
}

/** A problem for a request that got no HTTP answer at all. */
export function problemFromNetworkError(error: unknown): ApiProblem {
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: "about:blank",
    title: "jlis に接続できません / Cannot reach jlis",
    status: 0,
    code: "NETWORK_ERROR",
    detail: message,
  };
}

/** A problem for a success answer whose body was not the JSON the console expects. */
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
    title: "コンソールのエラー / Console error",
    status: 0,
    code: "CLIENT_ERROR",
    detail: error instanceof Error ? error.message : String(error),
  };
}
