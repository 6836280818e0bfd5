import { x509 } from "../crypto/x509-library.js";
import { JpkiError } from "../errors.js";

/** Bytes backed by a plain ArrayBuffer (what WebCrypto and the ASN.1 libraries accept). */
export type Bytes = Uint8Array<ArrayBuffer>;
export type Der = Bytes;

/** PEM with the given label (`CERTIFICATE`, `X509 CRL`, `PRIVATE KEY`, …), LF line endings, trailing newline. */
export function toPem(der: BufferSource, label: string): string {
  return `${x509.PemConverter.encode(toArrayBuffer(der), label)}\n`;
}

/**
 * Accepts PEM text or DER bytes and returns the DER of the first block (or the bytes as they are).
 * `expectedLabels`, when given, restricts which PEM labels are accepted.
 */
export function pemOrDerToDer(input: string | BufferSource, expectedLabels?: readonly string[]): Der {
  const text = typeof input === "string" ? input : sniffPem(input);
  if (text === undefined) return new Uint8Array(toArrayBuffer(input as BufferSource));
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) throw new JpkiError("PEM_MALFORMED", "no PEM block found");
  const label = match[1]!;
  if (expectedLabels && !expectedLabels.includes(label)) {
    throw new JpkiError("PEM_MALFORMED", `expected PEM ${expectedLabels.join(" or ")}, found ${label}`);
  }
  const body = match[2]!.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) {
    throw new JpkiError("PEM_MALFORMED", `PEM ${label} has invalid base64`);
  }
  return base64ToBytes(body);
}

function sniffPem(bytes: BufferSource): string | undefined {
  const view = new Uint8Array(toArrayBuffer(bytes));
  const head = new TextDecoder("latin1").decode(view.subarray(0, Math.min(view.length, 1024)));
  return head.includes("-----BEGIN ") ? new TextDecoder().decode(view) : undefined;
}

export function toArrayBuffer(data: BufferSource | Uint8Array): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}

export function toBytes(data: BufferSource | Uint8Array): Bytes {
  return new Uint8Array(toArrayBuffer(data));
}

export function bytesToHex(data: BufferSource | Uint8Array): string {
  return Array.from(toBytes(data), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function hexToBytes(hex: string): Bytes {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new JpkiError("INVALID_ARGUMENT", `not hexadecimal: ${hex}`);
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function base64ToBytes(b64: string): Bytes {
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function bytesToBase64(data: BufferSource): string {
  let binary = "";
  for (const byte of toBytes(data)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function bytesEqual(a: BufferSource, b: BufferSource): boolean {
  const x = toBytes(a);
  const y = toBytes(b);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
