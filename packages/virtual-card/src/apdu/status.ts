/**
 * The status words the JPKI applet answers (ISO/IEC 7816-4 §5.6), with the words the trace shows for each.
 * Which word answers which situation is listed in the package README ("Status words").
 */
import { formatStatusWord } from "../bytes.js";

export const SW = {
  SUCCESS: 0x9000,
  /** Warning: end of file reached before reading Le bytes (ISO 7816-4 READ BINARY). */
  END_OF_FILE: 0x6282,
  WRONG_LENGTH: 0x6700,
  /** READ BINARY of a key or PIN EF: the file is not a transparent EF a host may read. */
  INCOMPATIBLE_FILE_STRUCTURE: 0x6981,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  /** Authentication method blocked: the PIN's counter is at 0. */
  PIN_BLOCKED: 0x6983,
  /** Reference data not usable: the PIN EF holds no PIN yet (a blank card). */
  REFERENCE_DATA_NOT_USABLE: 0x6984,
  /** Command not allowed: no current EF, or the current EF is not of the kind the command needs. */
  NO_CURRENT_EF: 0x6986,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1_P2: 0x6a86,
  /** Referenced data not found: COMPUTE DIGITAL SIGNATURE on a key EF with no key in it. */
  REFERENCED_DATA_NOT_FOUND: 0x6a88,
  /** Wrong parameters P1-P2: READ BINARY offset outside the EF. */
  OFFSET_OUTSIDE_EF: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  /** No precise diagnosis: an internal failure of the emulator (never expected). */
  TECHNICAL_PROBLEM: 0x6f00,
} as const;

/** `63 Cx`: wrong PIN (or an empty VERIFY), x tries left. */
export function pinTriesLeftStatus(triesLeft: number): number {
  return 0x63c0 | (triesLeft & 0x0f);
}

export function isPinTriesLeftStatus(sw: number): boolean {
  return (sw & 0xfff0) === 0x63c0;
}

const MEANINGS: ReadonlyMap<number, string> = new Map([
  [SW.SUCCESS, "success"],
  [SW.END_OF_FILE, "end of file reached before Le bytes"],
  [SW.WRONG_LENGTH, "wrong length"],
  [SW.INCOMPATIBLE_FILE_STRUCTURE, "command incompatible with file structure"],
  [SW.SECURITY_STATUS_NOT_SATISFIED, "security status not satisfied"],
  [SW.PIN_BLOCKED, "PIN blocked"],
  [SW.REFERENCE_DATA_NOT_USABLE, "PIN not set"],
  [SW.NO_CURRENT_EF, "command not allowed (no suitable current EF)"],
  [SW.FILE_NOT_FOUND, "file or application not found"],
  [SW.WRONG_P1_P2, "incorrect P1-P2"],
  [SW.REFERENCED_DATA_NOT_FOUND, "referenced data (key) not found"],
  [SW.OFFSET_OUTSIDE_EF, "offset outside the EF"],
  [SW.INS_NOT_SUPPORTED, "instruction not supported"],
  [SW.CLA_NOT_SUPPORTED, "class not supported"],
  [SW.TECHNICAL_PROBLEM, "technical problem"],
]);

/** `"90 00 success"`, `"63 C2 wrong PIN, 2 tries left"`. */
export function describeStatus(sw: number, options: { emptyVerify?: boolean } = {}): string {
  const text = formatStatusWord(sw);
  if (isPinTriesLeftStatus(sw)) {
    const n = sw & 0x0f;
    const tries = `${n} ${n === 1 ? "try" : "tries"} left`;
    return `${text} ${options.emptyVerify ? tries : `wrong PIN, ${tries}`}`;
  }
  return `${text} ${MEANINGS.get(sw) ?? "unknown status"}`;
}
