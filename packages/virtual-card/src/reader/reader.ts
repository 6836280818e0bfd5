/**
 * A host-side reader of the JPKI applet over any APDU transport (the VirtualCard, or later PC/SC), doing what
 * OpenSC's jpki driver does: SELECT the AP, SELECT an EF, read a certificate's first 4 bytes (`30 82 LL LL`) to
 * learn its size and then the whole EF in chunks, VERIFY, COMPUTE DIGITAL SIGNATURE. PINs are checked against
 * the slot's rules before they are sent, so a typo never spends a try.
 */
import type { Bytes } from "../bytes.js";
import type { DigestInfoSigner } from "@jpki-sandbox/jpki-core";
import { SW, isPinTriesLeftStatus } from "../apdu/status.js";
import { concatBytes, formatStatusWord } from "../bytes.js";
import { CardError, type CardErrorCode } from "../errors.js";
import { JPKI_AP_AID, SLOT_FILES, formatFid, slotLetter, type Slot } from "../applet/files.js";
import { assertPinFormat, pinBytes } from "../applet/pin-rules.js";
import { errorForStatus } from "./status-errors.js";

export interface ApduTransport {
  /** Sends a command APDU, resolves with data || SW1 SW2. */
  transmit(command: Uint8Array): Promise<Bytes>;
}

export interface JpkiCardReaderOptions {
  /** Largest READ BINARY (1–256, default 256, i.e. Le `00`); some PC/SC readers need 255 or less. */
  maxReadLength?: number;
}

interface Response {
  data: Bytes;
  sw: number;
}

export class JpkiCardReader {
  readonly #transport: ApduTransport;
  readonly #maxRead: number;
  #appletSelected = false;

  constructor(transport: ApduTransport, options: JpkiCardReaderOptions = {}) {
    const max = options.maxReadLength ?? 256;
    if (!Number.isInteger(max) || max < 1 || max > 256) throw new CardError("INVALID_ARGUMENT", "maxReadLength is 1–256");
    this.#transport = transport;
    this.#maxRead = max;
  }

  /** SELECT the JPKI AP by AID. Clears the card's security status: call it once per session, not between steps. */
  async selectApplet(): Promise<void> {
    const { sw } = await this.#send(concatBytes(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, JPKI_AP_AID.length), JPKI_AP_AID));
    if (sw !== SW.SUCCESS) throw errorForStatus(sw, "SELECT AP", sw === SW.FILE_NOT_FOUND ? "APPLET_NOT_FOUND" : undefined);
    this.#appletSelected = true;
  }

  readUserAuthCertificate(): Promise<Bytes> {
    return this.#readCertificate(SLOT_FILES.userAuth.certificate);
  }

  readUserAuthCaCertificate(): Promise<Bytes> {
    return this.#readCertificate(SLOT_FILES.userAuth.caCertificate);
  }

  readSigningCaCertificate(): Promise<Bytes> {
    return this.#readCertificate(SLOT_FILES.signing.caCertificate);
  }

  /** The S certificate holds the four attributes, so the card wants the S PIN first (JPKI.md "The card"). */
  async readSigningCertificate(signingPin: string): Promise<Bytes> {
    await this.verifySigningPin(signingPin);
    return this.#readCertificate(SLOT_FILES.signing.certificate);
  }

  /** EF 0006 as text, trailing spaces trimmed: `JPKIAPICCTOKEN2`. */
  async readTokenInfo(): Promise<string> {
    await this.#selectEf(0x0006);
    const data = await this.#readBinary(0, 32);
    return new TextDecoder().decode(data).replace(/[\s\0]+$/, "");
  }

  userAuthPinTriesLeft(): Promise<number> {
    return this.#triesLeft("userAuth");
  }

  signingPinTriesLeft(): Promise<number> {
    return this.#triesLeft("signing");
  }

  verifyUserAuthPin(pin: string): Promise<void> {
    return this.#verify("userAuth", pin);
  }

  verifySigningPin(pin: string): Promise<void> {
    return this.#verify("signing", pin);
  }

  /** VERIFY the R PIN, then COMPUTE DIGITAL SIGNATURE with the R key: the 256-byte PKCS#1 v1.5 signature. */
  signWithUserAuthKey(digestInfo: Uint8Array, pin: string): Promise<Bytes> {
    return this.#sign("userAuth", digestInfo, pin);
  }

  signWithSigningKey(digestInfo: Uint8Array, pin: string): Promise<Bytes> {
    return this.#sign("signing", digestInfo, pin);
  }

  /** A jpki-core DigestInfoSigner over the R key (for challenge–response). The PIN format is checked now. */
  userAuthSigner(pin: string): DigestInfoSigner {
    assertPinFormat("userAuth", pin);
    return (digestInfo) => this.signWithUserAuthKey(digestInfo, pin);
  }

  /** A jpki-core DigestInfoSigner over the S key (for signCms). The PIN format is checked now. */
  signingSigner(pin: string): DigestInfoSigner {
    assertPinFormat("signing", pin);
    return (digestInfo) => this.signWithSigningKey(digestInfo, pin);
  }

  async #send(command: Uint8Array): Promise<Response> {
    const response = await this.#transport.transmit(command);
    if (!(response instanceof Uint8Array) || response.length < 2) {
      throw new CardError("RESPONSE_MALFORMED", "the card answered fewer than 2 bytes");
    }
    const n = response.length;
    return { data: response.slice(0, n - 2), sw: (response[n - 2]! << 8) | response[n - 1]! };
  }

  async #ensureApplet(): Promise<void> {
    if (!this.#appletSelected) await this.selectApplet();
  }

  async #selectEf(fid: number): Promise<void> {
    const wasSelected = this.#appletSelected;
    await this.#ensureApplet();
    const command = Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff);
    let { sw } = await this.#send(command);
    if (sw === SW.FILE_NOT_FOUND && wasSelected) {
      // Every JPKI EF exists in the AP, so the card was reset under us (its security status is gone too):
      // select the AP again, once.
      await this.selectApplet();
      ({ sw } = await this.#send(command));
    }
    if (sw !== SW.SUCCESS) throw errorForStatus(sw, `SELECT FILE ${formatFid(fid)}`);
  }

  /** READ BINARY of up to `length` bytes (1–256) at `offset` of the current EF. */
  async #readBinary(offset: number, length: number, notFound?: CardErrorCode): Promise<Bytes> {
    const le = length === 256 ? 0 : length;
    const { data, sw } = await this.#send(Uint8Array.of(0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, le));
    if (sw !== SW.SUCCESS && sw !== SW.END_OF_FILE) {
      throw errorForStatus(sw, `READ BINARY at ${offset}`, sw === SW.FILE_NOT_FOUND ? notFound : undefined);
    }
    return data;
  }

  async #readCertificate(fid: number): Promise<Bytes> {
    await this.#selectEf(fid);
    // An EF the counter has not written reads as 6A 82: the slot is not personalised.
    const head = await this.#readBinary(0, 4, "NOT_PERSONALISED");
    if (head.length !== 4 || head[0] !== 0x30 || head[1] !== 0x82) {
      throw new CardError("RESPONSE_MALFORMED", `EF ${formatFid(fid)} does not start with 30 82 LL LL`);
    }
    const size = 4 + ((head[2]! << 8) | head[3]!);
    const out = new Uint8Array(size);
    for (let offset = 0; offset < size; ) {
      const chunk = await this.#readBinary(offset, Math.min(this.#maxRead, size - offset));
      if (chunk.length === 0) throw new CardError("RESPONSE_MALFORMED", `EF ${formatFid(fid)} ended at ${offset} of ${size} bytes`);
      out.set(chunk.subarray(0, size - offset), offset);
      offset += chunk.length;
    }
    return out;
  }

  async #triesLeft(slot: Slot): Promise<number> {
    await this.#selectEf(SLOT_FILES[slot].pin);
    const { sw } = await this.#send(Uint8Array.of(0x00, 0x20, 0x00, 0x80));
    if (isPinTriesLeftStatus(sw)) return sw & 0x0f;
    if (sw === SW.PIN_BLOCKED) return 0;
    throw errorForStatus(sw, `VERIFY (${slotLetter(slot)} PIN tries left)`);
  }

  async #verify(slot: Slot, pin: string): Promise<void> {
    assertPinFormat(slot, pin);
    await this.#selectEf(SLOT_FILES[slot].pin);
    const bytes = pinBytes(pin);
    const { sw } = await this.#send(concatBytes(Uint8Array.of(0x00, 0x20, 0x00, 0x80, bytes.length), bytes));
    if (sw !== SW.SUCCESS) throw errorForStatus(sw, `VERIFY (${slotLetter(slot)} PIN)`);
  }

  async #sign(slot: Slot, digestInfo: Uint8Array, pin: string): Promise<Bytes> {
    assertPinFormat(slot, pin);
    if (!(digestInfo instanceof Uint8Array) || digestInfo.length === 0 || digestInfo.length > 255) {
      throw new CardError("WRONG_LENGTH", "a DigestInfo of 1–255 bytes is needed (the card takes at most 245)");
    }
    await this.#verify(slot, pin);
    await this.#selectEf(SLOT_FILES[slot].key);
    const command = concatBytes(Uint8Array.of(0x80, 0x2a, 0x00, 0x80, digestInfo.length), digestInfo, Uint8Array.of(0x00));
    const { data, sw } = await this.#send(command);
    if (sw !== SW.SUCCESS) throw errorForStatus(sw, `COMPUTE DIGITAL SIGNATURE (${slotLetter(slot)} key)`);
    if (data.length !== 256) throw new CardError("RESPONSE_MALFORMED", `a signature of ${data.length} bytes (${formatStatusWord(sw)})`);
    return data;
  }
}
