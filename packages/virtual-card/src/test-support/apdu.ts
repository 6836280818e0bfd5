/** APDU helpers for tests: send hex, get hex back (`"90 00"`), as APDU vectors are written. TEST ONLY. */
import { formatHex, parseHex } from "../bytes.js";
import type { VirtualCard } from "../card/virtual-card.js";

export const SELECT_AP = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";

export function selectEf(fid: string): string {
  return `00 A4 02 0C 02 ${fid}`;
}

/** VERIFY `00 20 00 80 Lc <PIN ASCII>`. */
export function verifyPin(pin: string): string {
  const bytes = new TextEncoder().encode(pin);
  return formatHex(Uint8Array.of(0x00, 0x20, 0x00, 0x80, bytes.length, ...bytes));
}

export async function send(card: VirtualCard, hex: string): Promise<string> {
  return formatHex(await card.transmit(parseHex(hex)));
}

/** Sends each command in turn and returns the status words (last two bytes) of the answers. */
export async function statusWords(card: VirtualCard, ...commands: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const command of commands) out.push((await send(card, command)).slice(-5));
  return out;
}
