/**
 * Parsing of short command APDUs (ISO/IEC 7816-3 §12.1, 7816-4 §5.1): the four cases, each body length
 * checked. Extended-length APDUs (P3 = 00 followed by more bytes) are not supported: the JPKI applet never
 * needs them, and the card answers `67 00`. Parsing never throws: garbage is a status word.
 */
import type { Bytes } from "../bytes.js";
import { SW } from "./status.js";

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** 1: header only; 2: Le; 3: Lc + data; 4: Lc + data + Le. */
  case: 1 | 2 | 3 | 4;
  /** The command data field (empty for cases 1 and 2). */
  data: Bytes;
  /** Ne, the number of bytes expected (Le `00` means 256); undefined for cases 1 and 3. */
  ne?: number;
}

export type ParsedCommand = { ok: true; apdu: CommandApdu } | { ok: false; sw: number; reason: string };

export function parseCommandApdu(bytes: Uint8Array): ParsedCommand {
  if (bytes.length < 4) return { ok: false, sw: SW.WRONG_LENGTH, reason: `${bytes.length} bytes, no header` };
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const header = { cla, ins, p1, p2 };
  if (bytes.length === 4) return { ok: true, apdu: { ...header, case: 1, data: new Uint8Array(0) } };

  const p3 = bytes[4]!;
  if (bytes.length === 5) {
    return { ok: true, apdu: { ...header, case: 2, data: new Uint8Array(0), ne: p3 === 0 ? 256 : p3 } };
  }
  if (p3 === 0) return { ok: false, sw: SW.WRONG_LENGTH, reason: "extended length is not supported" };
  const data = bytes.slice(5, 5 + p3);
  if (bytes.length === 5 + p3) return { ok: true, apdu: { ...header, case: 3, data } };
  if (bytes.length === 6 + p3) {
    const le = bytes[5 + p3]!;
    return { ok: true, apdu: { ...header, case: 4, data, ne: le === 0 ? 256 : le } };
  }
  return { ok: false, sw: SW.WRONG_LENGTH, reason: `Lc ${p3} does not match a body of ${bytes.length - 5} bytes` };
}
