/**
 * The JPKI applet's identity and file structure (JPKI.md "The card"): the AID, the ATR, and the elementary
 * files of the two key slots, S (signing, 署名用) and R (user authentication, 利用者証明用).
 */
import { bytesEqual, parseHex, type Bytes } from "../bytes.js";

// The card works from private copies, so a caller writing into the exported arrays cannot change it.
const ATR = parseHex("3B E0 00 FF 81 31 FE 45 14");
const AID = parseHex("D3 92 F0 00 26 01 00 00 00 01");
const TOKEN_INFO = new TextEncoder().encode("JPKIAPICCTOKEN2".padEnd(32, " "));

/** ATR of a My Number Card as OpenSC's jpki driver matches it (card-jpki.c). */
export const JPKI_ATR: Bytes = ATR.slice();

/** The JPKI AP's DF name (SELECT by AID, P1 = 04). */
export const JPKI_AP_AID: Bytes = AID.slice();

/**
 * EF 0006, token info: `JPKIAPICCTOKEN2` then spaces up to 32 bytes. A sandbox choice: the real file's size is
 * not published; readers (jpki/myna) read 32 bytes and trim the trailing spaces.
 */
export const JPKI_TOKEN_INFO: Bytes = TOKEN_INFO.slice();

export function atr(): Bytes {
  return ATR.slice();
}

export function isJpkiAid(name: Uint8Array): boolean {
  return bytesEqual(name, AID);
}

/** The token info EF's content (read-only by convention: callers slice, never write). */
export function tokenInfoContent(): Uint8Array {
  return TOKEN_INFO;
}

/** `userAuth` is the R slot (利用者証明用), `signing` the S slot (署名用). */
export type Slot = "userAuth" | "signing";
export const SLOTS: readonly Slot[] = ["userAuth", "signing"];

export function isSlot(value: unknown): value is Slot {
  return value === "userAuth" || value === "signing";
}

export type EfKind = "certificate" | "caCertificate" | "tokenInfo" | "key" | "pin";

export interface ElementaryFile {
  fid: number;
  kind: EfKind;
  /** The slot it belongs to; undefined for the token info. */
  slot?: Slot;
  /** How the trace and the README name it. */
  label: string;
}

export const SLOT_FILES: Readonly<Record<Slot, Readonly<Record<"certificate" | "caCertificate" | "key" | "pin", number>>>> =
  {
    userAuth: { certificate: 0x000a, caCertificate: 0x000b, key: 0x0017, pin: 0x0018 },
    signing: { certificate: 0x0001, caCertificate: 0x0002, key: 0x001a, pin: 0x001b },
  };

const SLOT_LETTER: Record<Slot, string> = { userAuth: "R", signing: "S" };

export function slotLetter(slot: Slot): string {
  return SLOT_LETTER[slot];
}

const LABELS: Record<Exclude<EfKind, "tokenInfo">, string> = {
  certificate: "cert",
  caCertificate: "CA cert",
  key: "key",
  pin: "PIN",
};

const TABLE: ReadonlyMap<number, ElementaryFile> = new Map<number, ElementaryFile>([
  [0x0006, { fid: 0x0006, kind: "tokenInfo", label: "token info" }],
  ...SLOTS.flatMap((slot) =>
    (Object.entries(SLOT_FILES[slot]) as [Exclude<EfKind, "tokenInfo">, number][]).map(
      ([kind, fid]): [number, ElementaryFile] => [fid, { fid, kind, slot, label: `${SLOT_LETTER[slot]} ${LABELS[kind]}` }],
    ),
  ),
]);

/** The EF with this file identifier in the JPKI AP, if any. */
export function elementaryFile(fid: number): ElementaryFile | undefined {
  return TABLE.get(fid);
}

export function formatFid(fid: number): string {
  return fid.toString(16).padStart(4, "0").toUpperCase();
}
