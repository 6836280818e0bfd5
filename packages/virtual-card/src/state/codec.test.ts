/** State at rest: round trip, what is (not) persisted, and that keys and PINs never appear in clear. */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { formatHex, fromBase64, toBase64 } from "../bytes.js";
import { CardIssuer } from "../card/issuer.js";
import { VirtualCard } from "../card/virtual-card.js";
import { isCardError } from "../errors.js";
import { SELECT_AP, selectEf, send, statusWords, verifyPin } from "../test-support/apdu.js";
import { personalisedCard, R_PIN, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";
import { CARD_STATE_FORMAT, type CardState } from "./schema.js";
import { restoreCardMemory } from "./codec.js";
import { deriveStateKeys, stateMac } from "./protection.js";

let fixture: PersonalisedCardFixture;
beforeAll(async () => {
  fixture = await personalisedCard();
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isCardError(error) ? error.code : `not a CardError: ${String(error)}`;
  }
}

const copy = (): CardState => structuredClone(fixture.state);

describe("exportState / restore", () => {
  it("round-trips through JSON: certificates, keys, PIN counters", async () => {
    const card = fixture.fresh();
    await statusWords(card, SELECT_AP, selectEf("00 18"), verifyPin("0000"), selectEf("00 1B"), verifyPin("WRONG1"), verifyPin("WRONG2"));
    const kek = new Uint8Array(randomBytes(32));
    const json = JSON.stringify(card.exportState(kek));
    const restored = VirtualCard.restore(JSON.parse(json), kek);

    expect(restored.cardId).toBe(fixture.state.cardId);
    expect(new CardIssuer(restored).status()).toMatchObject({ userAuth: { pinTriesLeft: 2 }, signing: { pinTriesLeft: 3 } });
    expect(await statusWords(restored, SELECT_AP, selectEf("00 18"), "00 20 00 80", selectEf("00 1B"), "00 20 00 80")).toEqual([
      "90 00",
      "90 00",
      "63 C2",
      "90 00",
      "63 C3",
    ]);
    const issuer = new CardIssuer(restored);
    expect(formatHex(issuer.publicKeyOf("signing"))).toBe(formatHex(new CardIssuer(card).publicKeyOf("signing")));
    await statusWords(restored, selectEf("00 0A"));
    expect(await send(restored, "00 B0 00 00 04")).toBe(`${formatHex(fixture.certificates.userAuth.certificate.subarray(0, 4))} 90 00`);
  });

  it("never persists the security status: a restored card starts unauthenticated", async () => {
    const card = fixture.fresh();
    await statusWords(card, SELECT_AP, selectEf("00 1B"), verifyPin(S_PIN));
    const restored = VirtualCard.restore(card.exportState(fixture.kek), fixture.kek);
    expect(await statusWords(restored, SELECT_AP, selectEf("00 01"), "00 B0 00 00 04")).toEqual(["90 00", "90 00", "69 82"]);
  });

  it("has the documented shape", () => {
    const state = fixture.state;
    expect(state.format).toBe(CARD_STATE_FORMAT);
    expect(Object.keys(state.files).sort()).toEqual(["0001", "0002", "000A", "000B"]);
    expect(state.pins.userAuth).toMatchObject({ kdf: { algorithm: "scrypt", N: 4096, r: 8, p: 1 }, triesLeft: 3 });
    expect(state.keys.signing?.encryptedPrivateKey.algorithm).toBe("A256GCM");
    expect(fromBase64(state.files["000A"]!)).toEqual(fixture.certificates.userAuth.certificate);
  });

  it("keeps private keys and PINs out of the JSON in clear", async () => {
    const card = fixture.fresh();
    const json = JSON.stringify(card.exportState(fixture.kek));
    // The PKCS#8 of the keys, as the card holds them (reached through the module-private memory).
    const memory = restoreCardMemory(fixture.state, fixture.kek);
    for (const slot of ["userAuth", "signing"] as const) {
      const pkcs8 = memory.slots[slot].key!.privateKey.export({ type: "pkcs8", format: "der" });
      expect(json).not.toContain(pkcs8.toString("base64"));
      expect(json).not.toContain(pkcs8.toString("base64").slice(40, 120));
      expect(json).not.toContain(pkcs8.toString("hex").slice(80, 240));
    }
    for (const pin of [R_PIN, S_PIN]) {
      expect(json).not.toContain(pin);
      expect(json).not.toContain(toBase64(new TextEncoder().encode(pin)));
    }
  });
});

describe("restore refuses", () => {
  it("a wrong KEK with STATE_DECRYPTION_FAILED", () => {
    expect(codeOf(() => VirtualCard.restore(copy(), new Uint8Array(randomBytes(32))))).toBe("STATE_DECRYPTION_FAILED");
  });

  it("a tampered ciphertext, tag or IV with STATE_DECRYPTION_FAILED", () => {
    for (const field of ["ciphertext", "tag", "iv"] as const) {
      const state = copy();
      const wrapped = state.keys.userAuth!.encryptedPrivateKey;
      const bytes = fromBase64(wrapped[field]);
      bytes[bytes.length - 1]! ^= 0x01;
      wrapped[field] = toBase64(bytes);
      expect(codeOf(() => VirtualCard.restore(state, fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
    }
  });

  it("a PIN counter or certificate edited in the database", () => {
    const counters = copy();
    counters.pins.userAuth!.triesLeft = 3;
    counters.pins.signing!.triesLeft = 4;
    expect(codeOf(() => VirtualCard.restore(counters, fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
    const files = copy();
    files.files["000A"] = files.files["0001"];
    expect(codeOf(() => VirtualCard.restore(files, fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
  });

  it("a key moved to another slot or card, even with a valid MAC (the AAD binds cardId and slot)", () => {
    const remac = (state: CardState): CardState => {
      const { mac: _mac, ...unsigned } = state;
      return { ...unsigned, mac: stateMac(deriveStateKeys(fixture.kek), unsigned) };
    };
    const swapped = copy();
    [swapped.keys.userAuth, swapped.keys.signing] = [swapped.keys.signing, swapped.keys.userAuth];
    expect(codeOf(() => VirtualCard.restore(swapped, fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
    expect(codeOf(() => VirtualCard.restore(remac(swapped), fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
    const renamed = copy();
    renamed.cardId = "another-card";
    expect(codeOf(() => VirtualCard.restore(remac(renamed), fixture.kek))).toBe("STATE_DECRYPTION_FAILED");
    // The MAC alone is what the untouched state needs.
    expect(VirtualCard.restore(remac(copy()), fixture.kek).cardId).toBe(fixture.state.cardId);
  });

  it("a bad shape with STATE_MALFORMED", () => {
    const cases: unknown[] = [
      null,
      "state",
      {},
      { ...copy(), format: "jpki-sandbox/virtual-card@0" },
      { ...copy(), extra: true },
      { ...copy(), pins: { userAuth: { ...copy().pins.userAuth, triesLeft: -1 } } },
      { ...copy(), files: { "0017": "AAAA" } },
      { ...copy(), keys: { signing: { spki: "not base64!" } } },
      { ...copy(), trace: [{ at: "yesterday", command: "", response: "", description: "", status: "" }] },
    ];
    for (const state of cases) expect(codeOf(() => VirtualCard.restore(state, fixture.kek))).toBe("STATE_MALFORMED");
  });

  it("a KEK that is not 32 bytes with INVALID_ARGUMENT", () => {
    expect(codeOf(() => VirtualCard.restore(copy(), new Uint8Array(16)))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => fixture.fresh().exportState(new Uint8Array(31)))).toBe("INVALID_ARGUMENT");
  });
});

describe("a blank card", () => {
  it("round-trips and still authenticates under its KEK", () => {
    const kek = new Uint8Array(randomBytes(32));
    const state = VirtualCard.manufacture({ cardId: "blank-state" }).exportState(kek);
    expect(state).toMatchObject({ files: {}, pins: {}, keys: {}, trace: [] });
    expect(VirtualCard.restore(state, kek).cardId).toBe("blank-state");
    expect(codeOf(() => VirtualCard.restore(state, new Uint8Array(32)))).toBe("STATE_DECRYPTION_FAILED");
  });
});
