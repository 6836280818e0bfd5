/** Exact bytes in and out for SELECT, READ BINARY and the error status words (JPKI.md "The card"). */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatHex } from "../bytes.js";
import type { VirtualCard } from "../card/virtual-card.js";
import { SELECT_AP, selectEf, send, statusWords, verifyPin } from "../test-support/apdu.js";
import { personalisedCard, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";

let fixture: PersonalisedCardFixture;
let card: VirtualCard;

beforeAll(async () => {
  fixture = await personalisedCard();
});
beforeEach(() => {
  card = fixture.fresh();
});

describe("ATR and SELECT", () => {
  it("has the ATR OpenSC's jpki driver matches", () => {
    expect(formatHex(card.atr)).toBe("3B E0 00 FF 81 31 FE 45 14");
    expect(formatHex(card.reset())).toBe("3B E0 00 FF 81 31 FE 45 14");
  });

  it("selects the JPKI AP by AID, and no other AID", async () => {
    expect(await send(card, SELECT_AP)).toBe("90 00");
    expect(await send(card, "00 A4 04 0C 07 A0 00 00 00 03 10 10")).toBe("6A 82");
    expect(await send(card, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 02")).toBe("6A 82");
    expect(await send(card, "00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("90 00"); // P2 00: no FCI
  });

  it("selects an EF only inside the AP", async () => {
    expect(await send(card, selectEf("00 0A"))).toBe("6A 82");
    await send(card, SELECT_AP);
    for (const fid of ["00 01", "00 02", "00 06", "00 0A", "00 0B", "00 17", "00 18", "00 1A", "00 1B"]) {
      expect(await send(card, selectEf(fid))).toBe("90 00");
    }
    expect(await send(card, "00 A4 02 00 02 00 0A")).toBe("90 00");
    expect(await send(card, selectEf("00 03"))).toBe("6A 82");
    expect(await send(card, selectEf("3F 00"))).toBe("6A 82");
  });

  it("checks P1-P2 and Lc of SELECT", async () => {
    await send(card, SELECT_AP);
    expect(await send(card, "00 A4 02 04 02 00 0A")).toBe("6A 86");
    expect(await send(card, "00 A4 08 0C 02 00 0A")).toBe("6A 86");
    expect(await send(card, "00 A4 02 0C 03 00 0A 00")).toBe("67 00");
    expect(await send(card, "00 A4 02 0C")).toBe("67 00");
    expect(await send(card, "00 A4 04 0C")).toBe("67 00");
  });
});

describe("READ BINARY", () => {
  it("reads the first 4 bytes of a certificate: 30 82 LL LL", async () => {
    const der = fixture.certificates.userAuth.certificate;
    await statusWords(card, SELECT_AP, selectEf("00 0A"));
    expect(await send(card, "00 B0 00 00 04")).toBe(`${formatHex(der.subarray(0, 4))} 90 00`);
    expect(der[0]).toBe(0x30);
    expect(der[1]).toBe(0x82);
  });

  it("reads 256 bytes for Le 00, at a 15-bit offset from P1-P2", async () => {
    const der = fixture.certificates.userAuth.certificate;
    await statusWords(card, SELECT_AP, selectEf("00 0A"));
    expect(await send(card, "00 B0 00 00 00")).toBe(`${formatHex(der.subarray(0, 256))} 90 00`);
    expect(await send(card, "00 B0 01 00 10")).toBe(`${formatHex(der.subarray(256, 272))} 90 00`);
  });

  it("returns what is left with 62 82 past the end, 6B 00 at or beyond it", async () => {
    const der = fixture.certificates.userAuth.caCertificate;
    const last = der.length - 3;
    await statusWords(card, SELECT_AP, selectEf("00 0B"));
    const p1p2 = formatHex(Uint8Array.of(last >> 8, last & 0xff));
    expect(await send(card, `00 B0 ${p1p2} 10`)).toBe(`${formatHex(der.subarray(last))} 62 82`);
    const end = formatHex(Uint8Array.of(der.length >> 8, der.length & 0xff));
    expect(await send(card, `00 B0 ${end} 01`)).toBe("6B 00");
    expect(await send(card, "00 B0 7F FF 01")).toBe("6B 00");
  });

  it("reads the token info: JPKIAPICCTOKEN2 padded with spaces to 32 bytes", async () => {
    await statusWords(card, SELECT_AP, selectEf("00 06"));
    const expected = formatHex(new TextEncoder().encode("JPKIAPICCTOKEN2                 "));
    expect(await send(card, "00 B0 00 00 00")).toBe(`${expected} 62 82`);
    expect(await send(card, "00 B0 00 00 20")).toBe(`${expected} 90 00`);
  });

  it("answers 69 82 for EF 0001 (S cert) until the S PIN is verified", async () => {
    await statusWords(card, SELECT_AP, selectEf("00 01"));
    expect(await send(card, "00 B0 00 00 04")).toBe("69 82");
    await statusWords(card, selectEf("00 1B"), verifyPin(S_PIN), selectEf("00 01"));
    const der = fixture.certificates.signing.certificate;
    expect(await send(card, "00 B0 00 00 04")).toBe(`${formatHex(der.subarray(0, 4))} 90 00`);
  });

  it("reads the S CA cert (0002) without a PIN", async () => {
    const der = fixture.certificates.signing.caCertificate;
    await statusWords(card, SELECT_AP, selectEf("00 02"));
    expect(await send(card, "00 B0 00 00 04")).toBe(`${formatHex(der.subarray(0, 4))} 90 00`);
  });

  it("never reads key or PIN EFs (69 81), nor without a current EF (69 86)", async () => {
    expect(await send(card, "00 B0 00 00 04")).toBe("69 86");
    await send(card, SELECT_AP);
    expect(await send(card, "00 B0 00 00 04")).toBe("69 86");
    for (const fid of ["00 17", "00 18", "00 1A", "00 1B"]) {
      await send(card, selectEf(fid));
      expect(await send(card, "00 B0 00 00 00")).toBe("69 81");
    }
  });

  it("checks P1 b8, and that READ BINARY is case 2", async () => {
    await statusWords(card, SELECT_AP, selectEf("00 0A"));
    expect(await send(card, "00 B0 80 00 04")).toBe("6A 86");
    expect(await send(card, "00 B0 00 00")).toBe("67 00");
    expect(await send(card, "00 B0 00 00 01 00")).toBe("67 00");
  });
});

describe("other commands and garbage", () => {
  it("answers 6D 00 to instructions of other cards", async () => {
    await send(card, SELECT_AP);
    expect(await send(card, "00 CA 01 01 00")).toBe("6D 00"); // GET DATA
    expect(await send(card, "00 CB 3F FF 00")).toBe("6D 00");
    expect(await send(card, "00 84 00 00 08")).toBe("6D 00"); // GET CHALLENGE
    expect(await send(card, "00 C0 00 00 00")).toBe("6D 00"); // GET RESPONSE
    expect(await send(card, "00 22 41 B6 03 84 01 01")).toBe("6D 00"); // MSE
  });

  it("answers 6E 00 to an unsupported class, or the wrong class for the command", async () => {
    expect(await send(card, "FF A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("6E 00");
    expect(await send(card, "0C B0 00 00 04")).toBe("6E 00");
    expect(await send(card, "80 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")).toBe("6E 00");
    expect(await send(card, "00 2A 00 80 01 00")).toBe("6E 00");
  });

  it("answers 67 00 to malformed and extended-length APDUs", async () => {
    for (const hex of ["", "00", "00 A4", "00 A4 04", "00 A4 04 0C 0A D3 92", "00 B0 00 00 00 01 00", "00 A4 04 0C 02 01 02 03 04"]) {
      expect(await send(card, hex)).toBe("67 00");
    }
  });

  it("keeps answering after garbage", async () => {
    const random = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let n = 0; n < 40; n++) {
      const response = await card.transmit(random.subarray(n, n + (n * 7) % 64));
      expect(response.length).toBeGreaterThanOrEqual(2);
    }
    expect(await send(card, SELECT_AP)).toBe("90 00");
  });
});
