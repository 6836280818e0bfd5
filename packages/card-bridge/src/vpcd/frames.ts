/**
 * vpcd's wire format (vsmartcard, virtualsmartcard/src/vpcd/vpcd.c): every message, both ways, is a 2-byte
 * big-endian length followed by that many bytes. From vpcd, a 1-byte message is a control code — 0x00 power
 * off, 0x01 power on, 0x02 reset (no answer), 0x04 "send your ATR" — and anything longer is a C-APDU, answered
 * with the R-APDU. An answer of length 0 makes vpcd eject the card, so the bridge never sends one.
 */
import { BridgeError } from "../errors.js";

export const VPCD_CONTROL = { powerOff: 0x00, powerOn: 0x01, reset: 0x02, atr: 0x04 } as const;

/** The port vpcd listens on for its first reader (0x8C7B); the second reader is this + 1. */
export const VPCD_DEFAULT_PORT = 35963;

export type VpcdMessage =
  | { kind: "powerOff" }
  | { kind: "powerOn" }
  | { kind: "reset" }
  | { kind: "atr" }
  | { kind: "apdu"; apdu: Uint8Array };

/** The 2-byte length prefix and the body, in one buffer (one write, one segment). */
export function encodeFrame(body: Uint8Array): Buffer {
  if (body.length === 0 || body.length > 0xffff) {
    throw new BridgeError("INVALID_ARGUMENT", `a vpcd frame carries 1–65535 bytes, not ${body.length}`);
  }
  const frame = Buffer.allocUnsafe(body.length + 2);
  frame.writeUInt16BE(body.length, 0);
  frame.set(body, 2);
  return frame;
}

/** What a frame from vpcd means. A 1-byte frame is always a control code: no C-APDU is shorter than 4 bytes. */
export function classifyFrame(body: Uint8Array): VpcdMessage {
  if (body.length === 0) throw new BridgeError("VPCD_PROTOCOL", "vpcd sent an empty frame");
  if (body.length > 1) return { kind: "apdu", apdu: body };
  switch (body[0]) {
    case VPCD_CONTROL.powerOff:
      return { kind: "powerOff" };
    case VPCD_CONTROL.powerOn:
      return { kind: "powerOn" };
    case VPCD_CONTROL.reset:
      return { kind: "reset" };
    case VPCD_CONTROL.atr:
      return { kind: "atr" };
    default:
      throw new BridgeError("VPCD_PROTOCOL", `vpcd sent the unknown control code 0x${body[0]!.toString(16).padStart(2, "0")}`);
  }
}

/**
 * Reassembles frames from a TCP stream: vpcd may split a frame across segments (Debian 12's vpcd writes the
 * length and the body separately), or several frames may arrive in one read.
 */
export class FrameDecoder {
  #pending: Buffer = Buffer.alloc(0);

  /** Feeds received bytes; returns every frame body they complete, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    this.#pending = this.#pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#pending, chunk]);
    const frames: Uint8Array[] = [];
    while (this.#pending.length >= 2) {
      const length = this.#pending.readUInt16BE(0);
      if (this.#pending.length < 2 + length) break;
      frames.push(new Uint8Array(this.#pending.subarray(2, 2 + length)));
      this.#pending = this.#pending.subarray(2 + length);
    }
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get buffered(): number {
    return this.#pending.length;
  }
}
