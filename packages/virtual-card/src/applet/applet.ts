/**
 * The JPKI applet's command dispatch (JPKI.md "The card"): SELECT (AP by AID, EF by file identifier), READ
 * BINARY, VERIFY and COMPUTE DIGITAL SIGNATURE, each answering exactly the status words listed in the README.
 * The checks run in ISO 7816-4 order: CLA, INS, P1-P2, lengths, then the file and security conditions.
 */
import type { Bytes } from "../bytes.js";
import type { CommandApdu } from "../apdu/command.js";
import { SW } from "../apdu/status.js";
import { elementaryFile, formatFid, isJpkiAid } from "./files.js";
import type { CardMemory } from "./memory.js";
import { readBinary, verify, computeDigitalSignature } from "./commands.js";
import { newSession, type Session } from "./session.js";

export interface AppletResponse {
  data?: Bytes;
  sw: number;
  /** What the command was, in words, for the trace. */
  description: string;
  /** An empty VERIFY: its `63 Cx` is a count, not a failure (the trace says so). */
  emptyVerify?: boolean;
}

const CLA_ISO = 0x00;
const CLA_PROPRIETARY = 0x80;
const INS_SELECT = 0xa4;
const INS_READ_BINARY = 0xb0;
const INS_VERIFY = 0x20;
const INS_COMPUTE_DIGITAL_SIGNATURE = 0x2a;

export class JpkiApplet {
  #session: Session = newSession();

  constructor(private readonly memory: CardMemory) {}

  /** Power cycle: nothing selected, nothing verified. */
  reset(): void {
    this.#session = newSession();
  }

  /** Security status of one slot is dropped (the counter changed its key or PIN). */
  forgetVerification(slot: "userAuth" | "signing"): void {
    this.#session.verified[slot] = false;
  }

  async process(apdu: CommandApdu): Promise<AppletResponse> {
    // A command runs against the session it started in: a reset() meanwhile starts another one.
    const session = this.#session;
    const { cla, ins } = apdu;
    if (cla !== CLA_ISO && cla !== CLA_PROPRIETARY) return { sw: SW.CLA_NOT_SUPPORTED, description: "unsupported CLA" };
    switch (ins) {
      case INS_SELECT:
        return cla === CLA_ISO ? this.select(apdu) : claMismatch("SELECT FILE");
      case INS_READ_BINARY:
        return cla === CLA_ISO ? readBinary(this.memory, session, apdu) : claMismatch("READ BINARY");
      case INS_VERIFY:
        return cla === CLA_ISO ? verify(this.memory, session, apdu) : claMismatch("VERIFY");
      case INS_COMPUTE_DIGITAL_SIGNATURE:
        return cla === CLA_PROPRIETARY
          ? computeDigitalSignature(this.memory, session, apdu)
          : claMismatch("COMPUTE DIGITAL SIGNATURE");
      default:
        return { sw: SW.INS_NOT_SUPPORTED, description: `unsupported INS ${ins.toString(16).padStart(2, "0").toUpperCase()}` };
    }
  }

  /**
   * SELECT by DF name (P1 04) selects the AP; SELECT by file identifier (P1 02) an EF of the AP. P2 is 0C (no
   * response data, what OpenSC sends) or 00 (FCI requested: this card returns none, a sandbox choice).
   */
  private select(apdu: CommandApdu): AppletResponse {
    const { p1, p2, data } = apdu;
    if (p1 === 0x04) {
      const description = "SELECT AP (by AID)";
      if (p2 !== 0x0c && p2 !== 0x00) return { sw: SW.WRONG_P1_P2, description };
      if (apdu.case === 1 || apdu.case === 2) return { sw: SW.WRONG_LENGTH, description };
      if (!isJpkiAid(data)) return { sw: SW.FILE_NOT_FOUND, description: "SELECT AP (unknown AID)" };
      this.#session = newSession(true);
      return { sw: SW.SUCCESS, description: "SELECT AP JPKI" };
    }
    if (p1 === 0x02) {
      if (p2 !== 0x0c && p2 !== 0x00) return { sw: SW.WRONG_P1_P2, description: "SELECT FILE" };
      if (data.length !== 2) return { sw: SW.WRONG_LENGTH, description: "SELECT FILE" };
      const fid = (data[0]! << 8) | data[1]!;
      const ef = elementaryFile(fid);
      const description = `SELECT FILE ${formatFid(fid)}${ef ? ` (${ef.label})` : ""}`;
      // Outside the AP the current DF is the MF, which holds none of the JPKI EFs.
      if (!this.#session.appletSelected || !ef) return { sw: SW.FILE_NOT_FOUND, description };
      this.#session.current = ef;
      return { sw: SW.SUCCESS, description };
    }
    return { sw: SW.WRONG_P1_P2, description: "SELECT" };
  }
}

function claMismatch(command: string): AppletResponse {
  return { sw: SW.CLA_NOT_SUPPORTED, description: `${command} with the wrong CLA` };
}
