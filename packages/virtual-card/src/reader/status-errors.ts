/** Status words → CardError, for the reader (the one place a host turns card answers into errors). */
import { isPinTriesLeftStatus, SW } from "../apdu/status.js";
import { formatStatusWord } from "../bytes.js";
import { CardError, type CardErrorCode } from "../errors.js";

const CODES: ReadonlyMap<number, CardErrorCode> = new Map<number, CardErrorCode>([
  [SW.FILE_NOT_FOUND, "FILE_NOT_FOUND"],
  [SW.SECURITY_STATUS_NOT_SATISFIED, "SECURITY_STATUS_NOT_SATISFIED"],
  [SW.PIN_BLOCKED, "PIN_BLOCKED"],
  [SW.REFERENCE_DATA_NOT_USABLE, "NOT_PERSONALISED"],
  [SW.REFERENCED_DATA_NOT_FOUND, "NOT_PERSONALISED"],
  [SW.WRONG_LENGTH, "WRONG_LENGTH"],
]);

/** The error for a status word that is not success; `what` names the command, for the message. */
export function errorForStatus(sw: number, what: string, override?: CardErrorCode): CardError {
  const status = formatStatusWord(sw);
  if (isPinTriesLeftStatus(sw)) {
    const triesLeft = sw & 0x0f;
    return new CardError("PIN_INCORRECT", `${what}: wrong PIN, ${triesLeft} tries left (${status})`, { sw, triesLeft });
  }
  const code = override ?? CODES.get(sw) ?? "CARD_ERROR";
  return new CardError(code, `${what}: the card answered ${status}`, { sw });
}
