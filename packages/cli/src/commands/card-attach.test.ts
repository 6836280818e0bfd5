/**
 * `card attach` in-process: argument checks, and an ephemeral card answering a fake vpcd (a TCP server on
 * port 0 speaking vpcd's framing) until the io's signal stops it.
 */
import net from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { main } from "../main.js";
import { parseVpcdAddress } from "./card-attach.js";

async function run(argv: string[], signal?: AbortSignal, onOut?: (line: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => (out.push(line), onOut?.(line)), err: (line) => err.push(line), ...(signal ? { signal } : {}) }, {});
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("card attach", () => {
  it("parses --vpcd as host:port, port or host", () => {
    expect(parseVpcdAddress(undefined)).toEqual({ host: "127.0.0.1", port: 35963 });
    expect(parseVpcdAddress("127.0.0.1:35964")).toEqual({ host: "127.0.0.1", port: 35964 });
    expect(parseVpcdAddress("35964")).toEqual({ host: "127.0.0.1", port: 35964 });
    expect(parseVpcdAddress("localhost")).toEqual({ host: "localhost", port: 35963 });
    expect(parseVpcdAddress("[::1]:4000")).toEqual({ host: "::1", port: 4000 });
    expect(() => parseVpcdAddress("host:99999")).toThrow(/--vpcd/);
  });

  it("wants exactly one of --card and --ephemeral; a bad ephemeral PIN is refused without echoing it", async () => {
    expect((await run(["card", "attach"])).err).toMatch(/--card ID .* or --ephemeral/);
    expect((await run(["card", "attach", "--card", "x", "--ephemeral"])).code).toBe(2);
    const badPin = await run(["card", "attach", "--ephemeral", "--user-auth-pin", "12a"]);
    expect(badPin.code).toBe(2);
    expect(badPin.err).not.toContain("12a");
  });

  it("says PORTAL_UNREACHABLE-style errors in one line when the portal is not there", async () => {
    const result = await run(["card", "attach", "--card", "c1", "--portal", "http://127.0.0.1:9", "--portal-password", "x"]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^jpki-sandbox: the portal at http:\/\/127\.0\.0\.1:9 is not reachable/);
  });

  it("--ephemeral answers vpcd with the JPKI ATR and the applet, until stopped", async () => {
    const vpcd = net.createServer();
    vpcd.listen(0, "127.0.0.1");
    await once(vpcd, "listening");
    const port = (vpcd.address() as net.AddressInfo).port;
    const accepted = once(vpcd, "connection") as Promise<[net.Socket]>;
    const stop = new AbortController();
    let inserted!: () => void;
    const insertedLine = new Promise<void>((resolve) => (inserted = resolve));
    const running = run(["card", "attach", "--ephemeral", "--vpcd", `127.0.0.1:${port}`, "--log-level", "silent"], stop.signal, (line) => {
      if (line.startsWith("card inserted")) inserted();
    });
    const [socket] = await accepted;
    await insertedLine;
    const answers: number[][] = [];
    socket.on("data", (chunk: Buffer) => answers.push([...chunk]));
    const frame = (body: number[]) => Uint8Array.from([body.length >> 8, body.length & 0xff, ...body]);
    socket.write(frame([0x04]));
    socket.write(frame([0x00, 0xa4, 0x04, 0x0c, 0x0a, 0xd3, 0x92, 0xf0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01]));
    while (answers.flat().length < 11 + 4) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers.flat()).toEqual([0x00, 0x09, 0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14, 0x00, 0x02, 0x90, 0x00]);
    const closed = once(socket, "close");
    stop.abort();
    const result = await running;
    await closed;
    expect(result.code).toBe(0);
    expect(result.out).toContain("card removed from the reader");
    await new Promise<void>((resolve) => vpcd.close(() => resolve()));
  });
});
