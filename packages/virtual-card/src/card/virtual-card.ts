/**
 * A My Number Card's JPKI applet behind an APDU interface (JPKI.md "The card"). TEST ONLY: a sandbox card whose
 * keys live in this process. `transmit` is all a host (the reader, or later a PC/SC bridge for OpenSC) sees;
 * personalisation goes through CardIssuer, which APDUs cannot reach.
 */
import type { Bytes } from "../bytes.js";
import { parseCommandApdu } from "../apdu/command.js";
import { describeStatus, SW } from "../apdu/status.js";
import { JpkiApplet, type AppletResponse } from "../applet/applet.js";
import { atr } from "../applet/files.js";
import { blankMemory, type CardMemory } from "../applet/memory.js";
import { TraceLog, traceCommand, traceResponse, type TraceEntry } from "../applet/trace.js";
import { concatBytes } from "../bytes.js";
import { CardError } from "../errors.js";
import { exportCardState, restoreCardMemory } from "../state/codec.js";
import type { CardState } from "../state/schema.js";

export interface ManufactureOptions {
  /** The portal's identifier for the card (1–128 characters); bound into the encryption of its keys. */
  cardId: string;
  /** Clock for the trace timestamps; default the system clock (the portal passes the sandbox clock). */
  now?: () => Date;
  /** How many trace entries are kept (default 200). */
  traceLimit?: number;
}

export type RestoreOptions = Omit<ManufactureOptions, "cardId">;

/** What CardIssuer reaches and APDUs do not. Module-private: not exported from the package. */
export interface CardInternals {
  memory: CardMemory;
  applet: JpkiApplet;
  /** Runs `task` after every command and issuer operation already queued: the card does one thing at a time. */
  exclusive<T>(task: () => T | Promise<T>): Promise<T>;
}

const internals = new WeakMap<VirtualCard, CardInternals>();

export function internalsOf(card: VirtualCard): CardInternals {
  const found = internals.get(card);
  if (!found) throw new CardError("INVALID_ARGUMENT", "not a VirtualCard");
  return found;
}

export class VirtualCard {
  readonly cardId: string;
  readonly #memory: CardMemory;
  readonly #applet: JpkiApplet;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(memory: CardMemory, now: () => Date) {
    this.cardId = memory.cardId;
    this.#memory = memory;
    this.#applet = new JpkiApplet(memory);
    this.#now = now;
    internals.set(this, { memory, applet: this.#applet, exclusive: (task) => this.#exclusive(task) });
  }

  /** A blank card from the factory: the JPKI AP with empty EFs, no keys, no PINs. */
  static manufacture(options: ManufactureOptions): VirtualCard {
    const cardId = options?.cardId;
    if (typeof cardId !== "string" || cardId.length === 0 || cardId.length > 128) {
      throw new CardError("INVALID_ARGUMENT", "cardId must be a string of 1–128 characters");
    }
    return new VirtualCard(blankMemory(cardId, new TraceLog([], options.traceLimit)), options.now ?? (() => new Date()));
  }

  /** A card from exportState's output (parsed JSON is fine). Starts powered up, nothing selected or verified. */
  static restore(state: unknown, keyEncryptionKey: Uint8Array, options: RestoreOptions = {}): VirtualCard {
    const memory = restoreCardMemory(state, keyEncryptionKey);
    if (options.traceLimit !== undefined) memory.trace = new TraceLog(memory.trace.entries(), options.traceLimit);
    return new VirtualCard(memory, options.now ?? (() => new Date()));
  }

  /** The answer to reset `3B E0 00 FF 81 31 FE 45 14`. */
  get atr(): Bytes {
    return atr();
  }

  /** Sends one command APDU; resolves with data || SW1 SW2. Never rejects for anything a host can send. */
  transmit(command: Uint8Array): Promise<Bytes> {
    const bytes = command instanceof Uint8Array ? command.slice() : new Uint8Array(0);
    return this.#exclusive(async () => {
      const parsed = parseCommandApdu(bytes);
      let result: AppletResponse;
      if (!parsed.ok) {
        result = { sw: parsed.sw, description: `malformed APDU (${parsed.reason})` };
      } else {
        try {
          result = await this.#applet.process(parsed.apdu);
        } catch {
          result = { sw: SW.TECHNICAL_PROBLEM, description: "internal error" };
        }
      }
      const response = concatBytes(result.data ?? new Uint8Array(0), Uint8Array.of(result.sw >> 8, result.sw & 0xff));
      this.#memory.trace.append({
        at: this.#now().toISOString(),
        command: traceCommand(bytes),
        response: traceResponse(response),
        description: result.description,
        status: describeStatus(result.sw, { emptyVerify: result.emptyVerify === true }),
      });
      return response;
    });
  }

  /** Power cycle (card removed and inserted, or a warm reset): clears selection and security status. Returns the ATR. */
  reset(): Bytes {
    this.#applet.reset();
    return this.atr;
  }

  /** The card at rest, keys encrypted under `keyEncryptionKey` (32 bytes). JSON-serialisable. */
  exportState(keyEncryptionKey: Uint8Array): CardState {
    return exportCardState(this.#memory, keyEncryptionKey);
  }

  /** A copy of the APDU trace, oldest first. */
  trace(): TraceEntry[] {
    return this.#memory.trace.entries();
  }

  clearTrace(): void {
    this.#memory.trace.clear();
  }

  #exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
