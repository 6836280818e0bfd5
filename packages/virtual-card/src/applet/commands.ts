/**
 * READ BINARY, VERIFY and COMPUTE DIGITAL SIGNATURE against the current EF (JPKI.md "The card", and what
 * OpenSC's card-jpki.c relies on). Each returns a status word, never throws for anything a host can send.
 */
import type { CommandApdu } from "../apdu/command.js";
import { pinTriesLeftStatus, SW } from "../apdu/status.js";
import { slotLetter, tokenInfoContent, type ElementaryFile } from "./files.js";
import { MAX_DIGEST_INFO_LENGTH, signDigestInfo } from "./keys.js";
import type { CardMemory } from "./memory.js";
import { pinMatches } from "./pin.js";
import { PIN_RULES } from "./pin-rules.js";
import type { Session } from "./session.js";
import type { AppletResponse } from "./applet.js";

/** The current EF, if the AP is selected and an EF was selected in it. */
function currentEf(session: Session): ElementaryFile | undefined {
  return session.appletSelected ? session.current : undefined;
}

/**
 * READ BINARY `00 B0 P1 P2 Le`: offset P1-P2 (15 bits; b8 of P1 set would mean a short EF identifier, not
 * supported), Le `00` = 256. Reading past the end returns what is left with `62 82` (ISO 7816-4 §11.2.3);
 * an offset at or past the end answers `6B 00`.
 */
export function readBinary(memory: CardMemory, session: Session, apdu: CommandApdu): AppletResponse {
  const offset = ((apdu.p1 & 0x7f) << 8) | apdu.p2;
  const ef = currentEf(session);
  const description = `READ BINARY ${ef ? `${ef.label} ` : ""}offset ${offset} length ${apdu.ne ?? 0}`;
  if (apdu.p1 & 0x80) return { sw: SW.WRONG_P1_P2, description };
  if (apdu.case !== 2 || apdu.ne === undefined) return { sw: SW.WRONG_LENGTH, description };
  if (!ef) return { sw: SW.NO_CURRENT_EF, description };

  let content: Uint8Array | undefined;
  switch (ef.kind) {
    case "key":
    case "pin":
      return { sw: SW.INCOMPATIBLE_FILE_STRUCTURE, description };
    case "tokenInfo":
      content = tokenInfoContent();
      break;
    case "certificate":
      // The S certificate carries the four attributes: readable only after the S PIN (JPKI.md "The card").
      if (ef.slot === "signing" && !session.verified.signing) return { sw: SW.SECURITY_STATUS_NOT_SATISFIED, description };
      content = memory.slots[ef.slot!].certificate;
      break;
    case "caCertificate":
      content = memory.slots[ef.slot!].caCertificate;
      break;
  }
  // A certificate EF the counter has not written (or cleared) reads as not found: a sandbox choice.
  if (!content) return { sw: SW.FILE_NOT_FOUND, description };
  if (offset >= content.length) return { sw: SW.OFFSET_OUTSIDE_EF, description };
  const data = content.slice(offset, offset + apdu.ne);
  return { data, sw: data.length < apdu.ne ? SW.END_OF_FILE : SW.SUCCESS, description };
}

/**
 * VERIFY `00 20 00 80 Lc PIN` against the current PIN EF. With no data (case 1, or `P3 = 00` as T=0 sends
 * case 1) it only reports the tries left, `63 Cx`, whatever the security status (OpenSC's GET_INFO relies on
 * it). The counter is decremented before the comparison and restored on success, as cards do so that cutting
 * the power mid-command cannot give a free try; a failed VERIFY also drops the slot's security status.
 */
export async function verify(memory: CardMemory, session: Session, apdu: CommandApdu): Promise<AppletResponse> {
  const ef = currentEf(session);
  const empty = apdu.case === 1 || (apdu.case === 2 && apdu.ne === 256);
  const what = ef?.kind === "pin" ? ` (${ef.label})` : "";
  const description = empty ? `VERIFY${what}: tries left` : `VERIFY${what}`;
  if (apdu.p1 !== 0x00 || apdu.p2 !== 0x80) return { sw: SW.WRONG_P1_P2, description };
  if (!empty && apdu.case !== 3) return { sw: SW.WRONG_LENGTH, description };
  if (!ef || ef.kind !== "pin") return { sw: SW.NO_CURRENT_EF, description };

  const slot = ef.slot!;
  const record = memory.slots[slot].pin;
  if (!record) {
    // A PIN EF the counter never set (an under-15 card without S, a blank card): its retry counter still
    // reads at its maximum, so the empty VERIFY answers `63 Cx` as on any card. OpenSC's pkcs15-jpki asks both
    // PINs at bind time and refuses the whole card ("Unsupported card") on any other answer (verified with
    // OpenSC 0.23 through vpcd). A VERIFY with data has nothing to compare against: `69 84`.
    if (empty) return { sw: pinTriesLeftStatus(PIN_RULES[slot].maxTries), description: `${description} (PIN not set)`, emptyVerify: true };
    return { sw: SW.REFERENCE_DATA_NOT_USABLE, description };
  }
  if (record.triesLeft === 0) return { sw: SW.PIN_BLOCKED, description };
  if (empty) return { sw: pinTriesLeftStatus(record.triesLeft), description, emptyVerify: true };

  session.verified[slot] = false;
  record.triesLeft -= 1;
  // A PIN of the wrong format is just a wrong PIN, as on a real card.
  if (await pinMatches(record, apdu.data)) {
    record.triesLeft = PIN_RULES[slot].maxTries;
    session.verified[slot] = true;
    return { sw: SW.SUCCESS, description };
  }
  return { sw: record.triesLeft === 0 ? SW.PIN_BLOCKED : pinTriesLeftStatus(record.triesLeft), description };
}

/**
 * COMPUTE DIGITAL SIGNATURE `80 2A 00 80 Lc DigestInfo [00]` with the key of the current key EF: PKCS#1 v1.5
 * type-1 padding over the bytes as given (the host builds the DigestInfo), 256 bytes back. Needs the slot's
 * PIN verified in this session (`69 82`); an empty key EF answers `6A 88`.
 */
export function computeDigitalSignature(memory: CardMemory, session: Session, apdu: CommandApdu): AppletResponse {
  const ef = currentEf(session);
  const description = `COMPUTE DIGITAL SIGNATURE${ef?.kind === "key" ? ` (${ef.label})` : ""} over ${apdu.data.length} bytes`;
  if (apdu.p1 !== 0x00 || apdu.p2 !== 0x80) return { sw: SW.WRONG_P1_P2, description };
  if (apdu.case !== 3 && apdu.case !== 4) return { sw: SW.WRONG_LENGTH, description };
  if (apdu.case === 4 && apdu.ne !== 256) return { sw: SW.WRONG_LENGTH, description };
  if (!ef || ef.kind !== "key") return { sw: SW.NO_CURRENT_EF, description };

  const slot = ef.slot!;
  if (!session.verified[slot]) return { sw: SW.SECURITY_STATUS_NOT_SATISFIED, description };
  const key = memory.slots[slot].key;
  if (!key) return { sw: SW.REFERENCED_DATA_NOT_FOUND, description: `${description}: no ${slotLetter(slot)} key` };
  if (apdu.data.length > MAX_DIGEST_INFO_LENGTH) return { sw: SW.WRONG_LENGTH, description };
  return { data: signDigestInfo(key, apdu.data), sw: SW.SUCCESS, description };
}
