/**
 * Serials, messages and sizes as the bank shows them. Certificate serials arrive as hex (api-types.ts
 * LinkView); messages of the walkthrough as base64 DER or JSON text (StepView.message).
 */

/** A serial as hex for people: lower-case, no separators, no leading zeros beyond one byte: "0x0A1B" → "0a1b". */
export function formatSerial(hex: string | null | undefined): string {
  if (hex === null || hex === undefined || hex.trim() === "") return "—";
  const clean = hex.trim().replace(/^0x/i, "").replace(/[^0-9a-fA-F]/g, "").toLowerCase();
  if (clean === "") return hex;
  const trimmed = clean.replace(/^(?:00)+(?=[0-9a-f]{2})/, "");
  return trimmed.length % 2 === 1 ? `0${trimmed}` : trimmed;
}

/** A byte count for people: 512 → "512 B", 2048 → "2.0 KiB". */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return String(size);
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MiB`;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The body without white space (base64 in JSON may be wrapped). */
const compact = (body: string) => body.replace(/\s+/g, "");

/** Whether the text is base64 (standard or URL alphabet) of at least one byte. */
export function isBase64(body: string): boolean {
  const b = compact(body);
  if (b === "") return false;
  if (BASE64.test(b)) return b.replace(/=+$/, "").length % 4 !== 1 && (!b.includes("=") || b.length % 4 === 0);
  return BASE64URL.test(b) && b.length % 4 !== 1;
}

/** How many bytes a base64 text decodes to, without decoding it; null when it is not base64. */
export function base64ByteLength(body: string): number | null {
  if (!isBase64(body)) return null;
  const b = compact(body).replace(/=+$/, "");
  return Math.floor((b.length * 3) / 4);
}

/** The bytes of a base64 text (standard or URL alphabet); null when it is not base64. */
export function decodeBase64(body: string): Uint8Array | null {
  if (!isBase64(body)) return null;
  let b = compact(body).replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  b += "=".repeat((4 - (b.length % 4)) % 4);
  const binary = atob(b);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The first `max` bytes as grouped hex ("30 82 05 1a …"), for a glance at a DER structure. */
export function hexPreview(bytes: Uint8Array, max = 32): string {
  const shown = Array.from(bytes.slice(0, max), (b) => b.toString(16).padStart(2, "0")).join(" ");
  return bytes.length > max ? `${shown} …` : shown;
}

/** base64 DER begins with a SEQUENCE (0x30): what every certificate, CMS and OCSP message is. */
export function looksLikeDer(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x30;
}

export type MessageBody =
  | { kind: "json"; text: string }
  | { kind: "text"; text: string }
  | { kind: "binary"; base64: string; size: number; der: boolean; preview: string };

/**
 * How to show a step's message: JSON pretty-printed, other text as it is, anything else as base64 (DER) with its
 * size and the first bytes in hex.
 */
export function describeMessage(contentType: string, body: string): MessageBody {
  const type = contentType.toLowerCase();
  if (/json/.test(type)) {
    try {
      return { kind: "json", text: JSON.stringify(JSON.parse(body), null, 2) };
    } catch {
      return { kind: "text", text: body };
    }
  }
  if (/^text\//.test(type)) return { kind: "text", text: body };
  const bytes = decodeBase64(body);
  if (bytes === null) return { kind: "text", text: body };
  return { kind: "binary", base64: compact(body), size: bytes.length, der: looksLikeDer(bytes), preview: hexPreview(bytes) };
}

/** The base64 wrapped at 64 columns, as PEM bodies are (RFC 7468), so a long message reads as a block. */
export function wrapBase64(base64: string, width = 64): string {
  const b = compact(base64);
  return b.match(new RegExp(`.{1,${width}}`, "g"))?.join("\n") ?? b;
}

/** A file name for a message download: "OCSP request" + application/ocsp-request → "ocsp-request.der". */
export function messageFileName(label: string, contentType: string): string {
  const stem = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const type = contentType.toLowerCase();
  const ext = /json/.test(type) ? "json" : /^text\//.test(type) ? "txt" : "der";
  return `${stem === "" ? "message" : stem}.${ext}`;
}
