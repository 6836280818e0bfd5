/**
 * The bridge against a fake vpcd (a TCP server on port 0 speaking vpcd's framing, writing the length and the
 * body separately as Debian's vpcd does): control codes, C-APDUs, reconnection after a removal, clean stop.
 */
import net from "node:net";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { BridgedCard } from "../cards/bridged-card.js";
import { BridgeError } from "../errors.js";
import { VpcdBridge } from "./bridge.js";
import { FrameDecoder } from "./frames.js";

const ATR = [0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14];

/** vpcd's side of one connection. */
class FakeVpcdConnection {
  readonly #decoder = new FrameDecoder();
  readonly #frames: Uint8Array[] = [];
  readonly #waiters: Array<(frame: Uint8Array) => void> = [];

  constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk) => {
      for (const frame of this.#decoder.push(chunk)) {
        const waiter = this.#waiters.shift();
        if (waiter) waiter(frame);
        else this.#frames.push(frame);
      }
    });
  }

  /** Length and body in two writes, like vsmartcard 3.3's sendToVICC. */
  send(body: number[]): void {
    this.socket.write(Uint8Array.of(body.length >> 8, body.length & 0xff));
    this.socket.write(Uint8Array.from(body));
  }

  next(): Promise<number[]> {
    const frame = this.#frames.shift();
    if (frame) return Promise.resolve([...frame]);
    return new Promise((resolve) => this.#waiters.push((f) => resolve([...f])));
  }

  /** Whatever arrived so far (to check that control codes got no answer). */
  pending(): number {
    return this.#frames.length;
  }
}

class FakeVpcd {
  readonly server = net.createServer();
  readonly #connections: FakeVpcdConnection[] = [];
  readonly #all: FakeVpcdConnection[] = [];
  readonly #waiters: Array<(connection: FakeVpcdConnection) => void> = [];

  async listen(port = 0): Promise<number> {
    this.server.on("connection", (socket) => {
      const connection = new FakeVpcdConnection(socket);
      this.#all.push(connection);
      const waiter = this.#waiters.shift();
      if (waiter) waiter(connection);
      else this.#connections.push(connection);
    });
    this.server.listen(port, "127.0.0.1");
    await once(this.server, "listening");
    return (this.server.address() as net.AddressInfo).port;
  }

  accepted(): Promise<FakeVpcdConnection> {
    const connection = this.#connections.shift();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const connection of this.#all) connection.socket.destroy();
    });
  }
}

interface ScriptedCard extends BridgedCard {
  calls: string[];
}

function scriptedCard(answer: (apdu: Uint8Array) => Promise<Uint8Array> | Uint8Array = () => Uint8Array.of(0x90, 0x00)): ScriptedCard {
  const calls: string[] = [];
  return {
    calls,
    label: "scripted",
    atr: Uint8Array.from(ATR),
    powerOn: async () => void calls.push("powerOn"),
    powerOff: async () => void calls.push("powerOff"),
    reset: async () => void calls.push("reset"),
    async transmit(apdu) {
      calls.push(`apdu ${Buffer.from(apdu).toString("hex")}`);
      return answer(apdu);
    },
    close: async () => void calls.push("close"),
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(card: BridgedCard, options: { quickAck?: boolean } = {}) {
  const vpcd = new FakeVpcd();
  const port = await vpcd.listen();
  const bridge = new VpcdBridge({ card, port, reconnect: { minDelayMs: 10, maxDelayMs: 50 }, ...options }).start();
  cleanups.push(() => vpcd.close(), () => bridge.stop());
  const connection = await vpcd.accepted();
  await bridge.connected();
  return { vpcd, port, bridge, connection };
}

describe("VpcdBridge against a fake vpcd", () => {
  it("answers 0x04 with the ATR, and C-APDUs with the card's R-APDU; 00/01/02 get no answer", async () => {
    const card = scriptedCard((apdu) => (apdu[1] === 0x20 ? Uint8Array.of(0x63, 0xc3) : Uint8Array.of(0x90, 0x00)));
    const { connection, bridge } = await setup(card);
    connection.send([0x04]);
    expect(await connection.next()).toEqual(ATR);
    connection.send([0x01]);
    connection.send([0x02]);
    connection.send([0x00]);
    connection.send([0x00, 0x20, 0x00, 0x80]);
    // The VERIFY's answer is the next frame: the three control codes before it were not answered.
    expect(await connection.next()).toEqual([0x63, 0xc3]);
    expect(connection.pending()).toBe(0);
    expect(card.calls).toEqual(["powerOn", "reset", "powerOff", "apdu 00200080"]);
    expect(bridge.stats).toMatchObject({ connections: 1, apdus: 1, controls: 3 });
  });

  it("handles frames strictly in order, even when the card answers out of order", async () => {
    let slow = true;
    const card = scriptedCard(async (apdu) => {
      if (slow) {
        slow = false;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return Uint8Array.of(apdu[3]!, 0x90, 0x00);
    });
    const { connection } = await setup(card);
    connection.send([0x00, 0xb0, 0x00, 0x01, 0x01]);
    connection.send([0x00, 0xb0, 0x00, 0x02, 0x01]);
    expect(await connection.next()).toEqual([0x01, 0x90, 0x00]);
    expect(await connection.next()).toEqual([0x02, 0x90, 0x00]);
  });

  it("carries a 258-byte R-APDU (Le 00 = 256 bytes of data + SW)", async () => {
    const card = scriptedCard(() => Uint8Array.from([...new Uint8Array(256).fill(0x30), 0x90, 0x00]));
    const { connection } = await setup(card);
    connection.send([0x00, 0xb0, 0x00, 0x00, 0x00]);
    const response = await connection.next();
    expect(response.length).toBe(258);
    expect(response.slice(-2)).toEqual([0x90, 0x00]);
  });

  it("pulls the card out (closes) when the card cannot answer, and inserts it again (reconnects)", async () => {
    let fail = true;
    const card = scriptedCard(() => {
      if (fail) {
        fail = false;
        throw new BridgeError("CARD_RESET", "the portal session ended");
      }
      return Uint8Array.of(0x90, 0x00);
    });
    const { vpcd, connection, bridge } = await setup(card);
    connection.send([0x00, 0xa4, 0x04, 0x0c]);
    await once(connection.socket, "close");
    const again = await vpcd.accepted();
    again.send([0x00, 0xa4, 0x04, 0x0c]);
    expect(await again.next()).toEqual([0x90, 0x00]);
    expect(bridge.stats.connections).toBe(2);
    expect(card.calls).toContain("powerOff");
  });

  it("waits for vpcd when nothing listens yet, then connects", async () => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const card = scriptedCard();
    const bridge = new VpcdBridge({ card, port, reconnect: { minDelayMs: 10, maxDelayMs: 20 } }).start();
    cleanups.push(() => bridge.stop());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bridge.state).not.toBe("connected");
    const vpcd = new FakeVpcd();
    await vpcd.listen(port);
    cleanups.push(() => vpcd.close());
    await vpcd.accepted();
    await bridge.connected();
    expect(bridge.state).toBe("connected");
  });

  it("stops cleanly: vpcd sees the connection close, the card is closed, done() resolves", async () => {
    const card = scriptedCard();
    const { connection, bridge } = await setup(card);
    const closed = once(connection.socket, "close");
    await bridge.stop();
    await closed;
    await expect(bridge.done()).resolves.toBeUndefined();
    expect(bridge.state).toBe("stopped");
    expect(card.calls).toContain("close");
  });

  it("stops with CARD_REFUSED when the card refuses for good (unknown card, bad credential)", async () => {
    const card = scriptedCard(() => {
      throw new BridgeError("CARD_REFUSED", "no card x");
    });
    const { connection, bridge } = await setup(card);
    connection.send([0x00, 0xa4, 0x04, 0x0c]);
    await expect(bridge.done()).rejects.toMatchObject({ code: "CARD_REFUSED" });
  });

  it("drops the connection on a frame that breaks the protocol", async () => {
    const { vpcd, connection } = await setup(scriptedCard());
    connection.send([0x07]);
    await once(connection.socket, "close");
    await vpcd.accepted();
  });

  it("sets TCP_QUICKACK when it can, and works without it", async () => {
    const withAck = await setup(scriptedCard());
    expect(withAck.bridge.quickAck).toBe(process.platform === "linux");
    const without = await setup(scriptedCard(), { quickAck: false });
    expect(without.bridge.quickAck).toBe(false);
    without.connection.send([0x04]);
    expect(await without.connection.next()).toEqual(ATR);
  });
});
