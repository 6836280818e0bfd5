/** Where the browser goes back to: only the bank client's registered origins (no open redirect). */
import { PortalError } from "../errors.js";

export function checkReturnUrl(returnUrl: string, allowedOrigins: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    throw new PortalError("RETURN_URL_NOT_ALLOWED", `returnUrl is not an absolute URL: ${returnUrl}`);
  }
  const allowed = allowedOrigins.some((origin) => new URL(origin).origin === url.origin);
  if (!allowed || url.username || url.password || url.hash) {
    throw new PortalError("RETURN_URL_NOT_ALLOWED", `returnUrl ${url.origin} is not a registered origin of this client`, {
      details: { allowedOrigins },
    });
  }
  return url;
}

/** returnUrl with the answer's parameters added (code or error, always state). */
export function redirectWith(returnUrl: string, parameters: Record<string, string>): string {
  const url = new URL(returnUrl);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.toString();
}
