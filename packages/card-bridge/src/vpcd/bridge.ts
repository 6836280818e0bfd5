/**
 * The vpcd client: connects to vpcd (vsmartcard's virtual reader inside pcscd), answers its control codes and
 * C-APDUs with the card's, and comes back when the connection drops — to vpcd, a closed connection is a card
 * pulled out, a new one a card inserted. Frames are handled strictly one after another, as a card does.
 */
import net from "node:net";
import { pino, type Logger } from "pino";
import { describeCommand, describeResponse } from "../apdu-log.js";
import type { BridgedCard } from "../cards/bridged-card.js";
import { BridgeError, isBridgeError } from "../errors.js";
import { classifyFrame, encodeFrame, FrameDecoder, VPCD_DEFAULT_PORT, type VpcdMessage } from "./frames.js";
import { quickAck, type QuickAck } from "./tcp-quickack.js";

export interface VpcdBridgeOptions {
  card: BridgedCard;
  /** vpcd's host (default 127.0.0.1: vpcd runs inside the local pcscd). */
  host?: string;
  /** vpcd's port for the reader to use (default 35963, its first reader; 35964 is the second). */
  port?: number;
  logger?: Logger;
  /** Set TCP_QUICKACK before each receive (default true; see tcp-quickack.ts). */
  quickAck?: boolean;
  /** Reconnection delays: doubled from `minDelayMs` up to `maxDelayMs` while vpcd does not answer. */
  reconnect?: { minDelayMs?: number; maxDelayMs?: number };
}

export interface VpcdBridgeStats {
  connections: number;
  apdus: number;
  controls: number;
}

export type VpcdBridgeState = "idle" | "connecting" | "connected" | "waiting" | "stopped";

export class VpcdBridge {
  readonly host: string;
  readonly port: number;
  readonly stats: VpcdBridgeStats = { connections: 0, apdus: 0, controls: 0 };
  readonly #card: BridgedCard;
  readonly #logger: Logger;
  readonly #quickAck: QuickAck | undefined;
  readonly #minDelayMs: number;
  readonly #maxDelayMs: number;
  #state: VpcdBridgeState = "idle";
  #socket: net.Socket | undefined;
  #timer: NodeJS.Timeout | undefined;
  #delayMs: number;
  #warnedUnreachable = false;
  #connectedWaiters: Array<() => void> = [];
  #failure: BridgeError | undefined;
  #done: Promise<void>;
  #finish!: (error?: BridgeError) => void;

  constructor(options: VpcdBridgeOptions) {
    this.#card = options.card;
    this.host = options.host ?? "127.0.0.1";
    this.port = options.port ?? VPCD_DEFAULT_PORT;
    if (!Number.isInteger(this.port) || this.port < 1 || this.port > 65_535) throw new BridgeError("INVALID_ARGUMENT", `not a TCP port: ${this.port}`);
    this.#logger = options.logger ?? pino({ level: "silent" });
    this.#minDelayMs = options.reconnect?.minDelayMs ?? 100;
    this.#maxDelayMs = options.reconnect?.maxDelayMs ?? 2_000;
    this.#delayMs = this.#minDelayMs;
    const wanted = options.quickAck ?? true;
    const available = wanted ? quickAck() : undefined;
    if (available && !available.available) this.#logger.warn({ reason: available.reason }, "TCP_QUICKACK unavailable: each APDU may wait ~40 ms for vpcd");
    this.#quickAck = available?.available ? available : undefined;
    this.#done = new Promise<void>((resolve, reject) => {
      this.#finish = (error) => (error ? reject(error) : resolve());
    });
    this.#done.catch(() => undefined);
  }

  get state(): VpcdBridgeState {
    return this.#state;
  }

  /** Whether TCP_QUICKACK is set on the connection. */
  get quickAck(): boolean {
    return this.#quickAck !== undefined;
  }

  /** Starts connecting (and reconnecting) to vpcd. Returns at once; `connected()` waits for vpcd. */
  start(): this {
    if (this.#state !== "idle") return this;
    this.#connect();
    return this;
  }

  /** Resolves when vpcd accepted the connection (at once if it already has). */
  connected(): Promise<void> {
    if (this.#state === "connected") return Promise.resolve();
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve) => this.#connectedWaiters.push(resolve));
  }

  /** Settles when the bridge stops: resolves after stop(), rejects when the card refused for good (CARD_REFUSED). */
  done(): Promise<void> {
    return this.#done;
  }

  /** Disconnects (vpcd sees the card removed), lets the card go and stops reconnecting. */
  async stop(): Promise<void> {
    if (this.#state === "stopped") return;
    this.#state = "stopped";
    clearTimeout(this.#timer);
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.destroy();
      });
    }
    try {
      await this.#card.close?.();
    } catch (error) {
      this.#logger.warn({ err: error }, "the card did not close cleanly");
    }
    this.#logger.info({ card: this.#card.label }, "card bridge stopped");
    this.#finish(this.#failure);
  }

  #connect(): void {
    if (this.#state === "stopped") return;
    this.#state = "connecting";
    const socket = net.connect({ host: this.host, port: this.port });
    this.#socket = socket;
    const decoder = new FrameDecoder();
    let queue: Promise<void> = Promise.resolve();

    socket.setNoDelay(true);
    socket.once("connect", () => {
      this.#state = "connected";
      this.stats.connections += 1;
      this.#delayMs = this.#minDelayMs;
      this.#warnedUnreachable = false;
      this.#quickAck?.arm(socket);
      this.#logger.info({ card: this.#card.label, vpcd: `${this.host}:${this.port}`, quickAck: this.quickAck }, "card inserted into vpcd's reader");
      for (const resolve of this.#connectedWaiters.splice(0)) resolve();
    });
    socket.on("data", (chunk) => {
      this.#quickAck?.arm(socket);
      let frames: Uint8Array[];
      try {
        frames = decoder.push(chunk);
      } catch (error) {
        this.#drop(socket, error);
        return;
      }
      for (const frame of frames) {
        queue = queue.then(() => this.#handle(socket, frame)).catch((error: unknown) => this.#drop(socket, error));
      }
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (this.#state === "connecting" && !this.#warnedUnreachable) {
        this.#warnedUnreachable = true;
        this.#logger.warn(
          { vpcd: `${this.host}:${this.port}`, code: error.code },
          "vpcd is not answering: is pcscd running with vsmartcard-vpcd (apt-get install pcscd vsmartcard-vpcd)? retrying",
        );
      } else if (this.#state === "connected") {
        this.#logger.warn({ code: error.code }, "connection to vpcd failed");
      }
    });
    socket.once("close", () => {
      if (this.#socket === socket) this.#socket = undefined;
      if (this.#state === "stopped") return;
      if (this.#state === "connected") this.#logger.info({ card: this.#card.label }, "vpcd closed the connection: card removed; reconnecting");
      this.#state = "waiting";
      // The card's transient state does not survive the removal (a real card loses power).
      this.#card.powerOff().catch((error: unknown) => this.#logger.debug({ err: error }, "power off after removal failed"));
      this.#timer = setTimeout(() => this.#connect(), this.#delayMs);
      this.#delayMs = Math.min(this.#delayMs * 2, this.#maxDelayMs);
    });
  }

  async #handle(socket: net.Socket, frame: Uint8Array): Promise<void> {
    const message: VpcdMessage = classifyFrame(frame);
    switch (message.kind) {
      case "atr":
        this.#send(socket, this.#card.atr);
        return;
      case "powerOn":
      case "powerOff":
      case "reset":
        this.stats.controls += 1;
        this.#logger.debug({ control: message.kind }, "vpcd control");
        await this.#card[message.kind]();
        return;
      case "apdu": {
        this.stats.apdus += 1;
        const response = await this.#card.transmit(message.apdu);
        if (response.length < 2) throw new BridgeError("CARD_UNAVAILABLE", `the card answered ${response.length} bytes, not an R-APDU`);
        this.#logger.debug({ command: describeCommand(message.apdu), response: describeResponse(response) }, "apdu");
        this.#send(socket, response);
        return;
      }
    }
  }

  #send(socket: net.Socket, body: Uint8Array): void {
    if (socket.destroyed) return;
    socket.write(encodeFrame(body));
    this.#quickAck?.arm(socket);
  }

  /** A frame could not be answered: the connection goes (the card is "pulled out") and comes back. */
  #drop(socket: net.Socket, error: unknown): void {
    if (isBridgeError(error, "CARD_REFUSED")) {
      this.#logger.error({ err: error }, "the card refused: stopping the bridge");
      this.#failure = error;
      void this.stop();
      return;
    }
    const level = isBridgeError(error, "CARD_RESET") ? "info" : "warn";
    this.#logger[level]({ code: isBridgeError(error) ? error.code : undefined, reason: error instanceof Error ? error.message : String(error) }, "cannot answer vpcd: removing the card and inserting it again");
    socket.destroy();
  }
}
