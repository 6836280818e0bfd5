/** The APDU trace: descriptions, status words in words, PIN masking, shortening, the bounded ring. */
import { randomBytes } from "node:crypto";
import { sha256DigestInfoOf } from "@jpki-sandbox/jpki-core";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualCard } from "../card/virtual-card.js";
import { SELECT_AP, selectEf, statusWords, verifyPin } from "../test-support/apdu.js";
import { personalisedCard, R_PIN, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";
import { formatHex } from "../bytes.js";

let fixture: PersonalisedCardFixture;
beforeAll(async () => {
  fixture = await personalisedCard();
});

const at = new Date("2026-04-01T01:02:03.000Z");

describe("trace", () => {
  it("describes each command and its status word", async () => {
    const card = VirtualCard.restore(fixture.state, fixture.kek, { now: () => at });
    card.clearTrace();
    await statusWords(card, SELECT_AP, selectEf("00 18"), "00 20 00 80", verifyPin("0000"), verifyPin(R_PIN), "00 CA 01 01 00");
    expect(card.trace()).toEqual([
      {
        at: "2026-04-01T01:02:03.000Z",
        command: "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
        response: "90 00",
        description: "SELECT AP JPKI",
        status: "90 00 success",
      },
      { at: at.toISOString(), command: "00 A4 02 0C 02 00 18", response: "90 00", description: "SELECT FILE 0018 (R PIN)", status: "90 00 success" },
      { at: at.toISOString(), command: "00 20 00 80", response: "63 C3", description: "VERIFY (R PIN): tries left", status: "63 C3 3 tries left" },
      {
        at: at.toISOString(),
        command: "00 20 00 80 04 ** ** ** **",
        response: "63 C2",
        description: "VERIFY (R PIN)",
        status: "63 C2 wrong PIN, 2 tries left",
      },
      { at: at.toISOString(), command: "00 20 00 80 04 ** ** ** **", response: "90 00", description: "VERIFY (R PIN)", status: "90 00 success" },
      { at: at.toISOString(), command: "00 CA 01 01 00", response: "6D 00", description: "unsupported INS CA", status: "6D 00 instruction not supported" },
    ]);
  });

  it("masks every PIN and shortens DigestInfos, signatures and certificate chunks", async () => {
    const card = fixture.fresh();
    const digestInfo = await sha256DigestInfoOf(new Uint8Array([1]));
    const compute = formatHex(Uint8Array.of(0x80, 0x2a, 0x00, 0x80, digestInfo.length, ...digestInfo, 0x00));
    await statusWords(card, SELECT_AP, selectEf("00 1B"), verifyPin(S_PIN), selectEf("00 1A"), compute, selectEf("00 01"), "00 B0 00 00 00");
    const trace = card.trace();
    const json = JSON.stringify(trace);
    expect(json).not.toContain(formatHex(new TextEncoder().encode(S_PIN)));
    expect(trace[2]!.command).toBe("00 20 00 80 08 ** ** ** ** ** ** ** **");
    expect(trace[4]).toMatchObject({
      command: `80 2A 00 80 33 ${formatHex(digestInfo.subarray(0, 16))} … (51 bytes) 00`,
      description: "COMPUTE DIGITAL SIGNATURE (S key) over 51 bytes",
      status: "90 00 success",
    });
    expect(trace[4]!.response).toMatch(/^([0-9A-F]{2} ){16}… \(256 bytes\) 90 00$/);
    expect(trace[6]).toMatchObject({ description: "READ BINARY S cert offset 0 length 256" });
    expect(trace[6]!.response).toMatch(/^30 82 .* … \(256 bytes\) 90 00$/);
  });

  it("masks the PIN of a malformed VERIFY too", async () => {
    const card = fixture.fresh();
    await statusWords(card, "00 20 00 80 04 31 32 33 34 00", "00 20 00 80 06 31 32 33");
    expect(card.trace().map((e) => e.command)).toEqual(["00 20 00 80 04 ** ** ** ** **", "00 20 00 80 06 ** ** **"]);
  });

  it("keeps the last entries only, and travels with the state", async () => {
    const card = VirtualCard.manufacture({ cardId: "trace-1", traceLimit: 5 });
    for (let i = 0; i < 8; i++) await card.transmit(Uint8Array.of(0x00, 0xb0, 0x00, i, 0x01));
    expect(card.trace().map((e) => e.command)).toEqual(["00 B0 00 03 01", "00 B0 00 04 01", "00 B0 00 05 01", "00 B0 00 06 01", "00 B0 00 07 01"]);
    const kek = new Uint8Array(randomBytes(32));
    const restored = VirtualCard.restore(card.exportState(kek), kek);
    expect(restored.trace()).toEqual(card.trace());
    restored.clearTrace();
    expect(restored.trace()).toEqual([]);
    expect(card.trace()).toHaveLength(5);
  });

  it("returns a copy", async () => {
    const card = VirtualCard.manufacture({ cardId: "trace-2" });
    await card.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c));
    card.trace()[0]!.status = "changed";
    expect(card.trace()[0]!.status).toBe("67 00 wrong length");
  });
});
