/**
 * The APDU trace: what the card was sent and what it answered, for the portal's walkthrough view. PIN bytes of
 * VERIFY are masked (`**`), and long data fields (DigestInfos, signatures, certificate chunks) are shortened,
 * so the trace can be shown and stored as it is. A bounded ring: the oldest entries fall off.
 */
import { formatHex } from "../bytes.js";

export interface TraceEntry {
  /** ISO 8601 time the card answered. */
  at: string;
  /** The command APDU in hex, PIN masked, long data shortened. */
  command: string;
  /** The response APDU (data || SW1 SW2) in hex, long data shortened. */
  response: string;
  /** e.g. `SELECT FILE 0018 (R PIN)`. */
  description: string;
  /** e.g. `63 C2 wrong PIN, 2 tries left`. */
  status: string;
}

export const DEFAULT_TRACE_LIMIT = 200;
/** Data fields longer than this are shown as their first SHORTENED_HEAD bytes and a byte count. */
const SHORTEN_ABOVE = 32;
const SHORTENED_HEAD = 16;

export class TraceLog {
  readonly limit: number;
  #entries: TraceEntry[];

  constructor(entries: readonly TraceEntry[] = [], limit = DEFAULT_TRACE_LIMIT) {
    this.limit = limit;
    this.#entries = entries.slice(-limit).map((e) => ({ ...e }));
  }

  append(entry: TraceEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
  }

  entries(): TraceEntry[] {
    return this.#entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.#entries = [];
  }
}

function shortenedHex(data: Uint8Array): string {
  if (data.length <= SHORTEN_ABOVE) return formatHex(data);
  return `${formatHex(data.subarray(0, SHORTENED_HEAD))} … (${data.length} bytes)`;
}

/**
 * The command as the trace shows it. For VERIFY (INS 20) every data byte is `**`, so neither the PIN nor its
 * length beyond Lc is recorded. Malformed commands are shown as sent, shortened.
 */
export function traceCommand(command: Uint8Array): string {
  if (command.length <= 5) return formatHex(command);
  const header = formatHex(command.subarray(0, 5));
  const body = command.subarray(5);
  if (command[1] === 0x20) return `${header} ${Array.from(body, () => "**").join(" ")}`;
  const lc = command[4]!;
  if (body.length === lc + 1) return `${header} ${shortenedHex(body.subarray(0, lc))} ${formatHex(body.subarray(lc))}`;
  return `${header} ${shortenedHex(body)}`;
}

export function traceResponse(response: Uint8Array): string {
  const data = response.subarray(0, response.length - 2);
  const sw = formatHex(response.subarray(response.length - 2));
  return data.length === 0 ? sw : `${shortenedHex(data)} ${sw}`;
}
