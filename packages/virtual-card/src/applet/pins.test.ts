/** VERIFY vectors, retry counters and lockout of both PINs, unblocking at the counter, security status. */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CardIssuer } from "../card/issuer.js";
import { VirtualCard } from "../card/virtual-card.js";
import { SELECT_AP, selectEf, send, statusWords, verifyPin } from "../test-support/apdu.js";
import { personalisedCard, R_PIN, S_PIN, type PersonalisedCardFixture } from "../test-support/fixtures.js";

const EMPTY_VERIFY = "00 20 00 80";
const R_PIN_EF = selectEf("00 18");
const S_PIN_EF = selectEf("00 1B");

let fixture: PersonalisedCardFixture;
let card: VirtualCard;

beforeAll(async () => {
  fixture = await personalisedCard();
});
beforeEach(async () => {
  card = fixture.fresh();
  await send(card, SELECT_AP);
});

describe("VERIFY the R PIN (4 digits, 3 tries)", () => {
  it("answers 90 00 to the right PIN, exact bytes", async () => {
    await send(card, R_PIN_EF);
    expect(verifyPin(R_PIN)).toBe("00 20 00 80 04 31 32 33 34");
    expect(await send(card, "00 20 00 80 04 31 32 33 34")).toBe("90 00");
  });

  it("counts down 63 C2, 63 C1, then blocks with 69 83", async () => {
    await send(card, R_PIN_EF);
    expect(await send(card, "00 20 00 80 04 30 30 30 30")).toBe("63 C2");
    expect(await send(card, EMPTY_VERIFY)).toBe("63 C2");
    expect(await send(card, "00 20 00 80 04 30 30 30 30")).toBe("63 C1");
    expect(await send(card, "00 20 00 80 04 30 30 30 30")).toBe("69 83");
    expect(await send(card, verifyPin(R_PIN))).toBe("69 83"); // blocked: even the right PIN
    expect(await send(card, EMPTY_VERIFY)).toBe("69 83");
  });

  it("resets the counter to 3 on success", async () => {
    await send(card, R_PIN_EF);
    expect(await statusWords(card, verifyPin("9999"), verifyPin("9998"), verifyPin(R_PIN), EMPTY_VERIFY)).toEqual([
      "63 C2",
      "63 C1",
      "90 00",
      "63 C3",
    ]);
  });

  it("runs concurrent commands one at a time, like a card", async () => {
    await send(card, R_PIN_EF);
    const wrong = verifyPin("0000");
    const answers = await Promise.all([send(card, wrong), send(card, wrong), send(card, "00 20 00 80"), send(card, wrong)]);
    expect(answers).toEqual(["63 C2", "63 C1", "63 C1", "69 83"]);
  });

  it("counts a PIN of the wrong format as a wrong PIN", async () => {
    await send(card, R_PIN_EF);
    expect(await send(card, verifyPin("12345"))).toBe("63 C2");
    expect(await send(card, verifyPin("ABCD"))).toBe("63 C1");
  });
});

describe("VERIFY the S PIN (6–16 of 0-9 A-Z, 5 tries)", () => {
  it("counts down from 5 and blocks on the fifth wrong PIN", async () => {
    await send(card, S_PIN_EF);
    expect(await send(card, EMPTY_VERIFY)).toBe("63 C5");
    const wrong = verifyPin("WRONG1");
    expect(await statusWords(card, wrong, wrong, wrong, wrong, wrong)).toEqual(["63 C4", "63 C3", "63 C2", "63 C1", "69 83"]);
    expect(await send(card, verifyPin(S_PIN))).toBe("69 83");
  });

  it("keeps the R and S counters apart", async () => {
    await statusWords(card, S_PIN_EF, verifyPin("WRONG1"), R_PIN_EF, verifyPin("0000"));
    expect(await statusWords(card, S_PIN_EF, EMPTY_VERIFY, R_PIN_EF, EMPTY_VERIFY)).toEqual(["90 00", "63 C4", "90 00", "63 C2"]);
  });
});

describe("empty VERIFY (what OpenSC's GET_INFO sends)", () => {
  it("reports tries left even after a successful VERIFY", async () => {
    await send(card, R_PIN_EF);
    expect(await send(card, EMPTY_VERIFY)).toBe("63 C3");
    expect(await send(card, verifyPin(R_PIN))).toBe("90 00");
    expect(await send(card, EMPTY_VERIFY)).toBe("63 C3");
    expect(await send(card, "00 20 00 80 00")).toBe("63 C3"); // P3 = 00, as T=0 sends case 1
  });

  it("does not spend a try nor drop the security status", async () => {
    await statusWords(card, S_PIN_EF, verifyPin(S_PIN), EMPTY_VERIFY, EMPTY_VERIFY, selectEf("00 01"));
    expect((await send(card, "00 B0 00 00 04")).slice(-5)).toBe("90 00");
  });
});

describe("VERIFY errors", () => {
  it("answers 69 86 without a PIN EF selected", async () => {
    const fresh = fixture.fresh();
    expect(await send(fresh, verifyPin(R_PIN))).toBe("69 86");
    await send(fresh, SELECT_AP);
    expect(await send(fresh, EMPTY_VERIFY)).toBe("69 86");
    await send(fresh, selectEf("00 0A"));
    expect(await send(fresh, verifyPin(R_PIN))).toBe("69 86");
    await send(fresh, selectEf("00 17"));
    expect(await send(fresh, EMPTY_VERIFY)).toBe("69 86");
  });

  it("checks P1-P2 and the body", async () => {
    await send(card, R_PIN_EF);
    expect(await send(card, "00 20 00 81 04 31 32 33 34")).toBe("6A 86");
    expect(await send(card, "00 20 01 80 04 31 32 33 34")).toBe("6A 86");
    expect(await send(card, "00 20 00 80 04")).toBe("67 00"); // Lc without data
    expect(await send(card, "00 20 00 80 04 31 32 33 34 00")).toBe("67 00");
    expect(await send(card, EMPTY_VERIFY)).toBe("63 C3");
  });

  it("on a PIN never set: the empty VERIFY counts the full tries (OpenSC binds), a VERIFY with data answers 69 84", async () => {
    const blank = VirtualCard.manufacture({ cardId: "blank" });
    expect(await statusWords(blank, SELECT_AP, R_PIN_EF, EMPTY_VERIFY, verifyPin("1234"), EMPTY_VERIFY, S_PIN_EF, EMPTY_VERIFY)).toEqual([
      "90 00",
      "90 00",
      "63 C3",
      "69 84",
      "63 C3",
      "90 00",
      "63 C5",
    ]);
  });
});

describe("security status", () => {
  const readSigningCertHead = ["00 B0 00 00 04"];

  it("persists across commands and is cleared by reset()", async () => {
    await statusWords(card, S_PIN_EF, verifyPin(S_PIN), selectEf("00 0A"), "00 B0 00 00 04", selectEf("00 01"));
    expect((await send(card, readSigningCertHead[0]!)).slice(-5)).toBe("90 00");
    card.reset();
    expect(await statusWords(card, SELECT_AP, selectEf("00 01"), ...readSigningCertHead)).toEqual(["90 00", "90 00", "69 82"]);
  });

  it("is cleared by a new SELECT of the AP", async () => {
    await statusWords(card, S_PIN_EF, verifyPin(S_PIN), SELECT_AP, selectEf("00 01"));
    expect(await send(card, readSigningCertHead[0]!)).toBe("69 82");
  });

  it("is dropped by a failed VERIFY", async () => {
    await statusWords(card, S_PIN_EF, verifyPin(S_PIN), verifyPin("WRONG1"), selectEf("00 01"));
    expect(await send(card, readSigningCertHead[0]!)).toBe("69 82");
  });

  it("of the R PIN does not open the S certificate", async () => {
    await statusWords(card, R_PIN_EF, verifyPin(R_PIN), selectEf("00 01"));
    expect(await send(card, readSigningCertHead[0]!)).toBe("69 82");
  });
});

describe("unblocking at the counter", () => {
  it("resetPin sets a new PIN and the counter back to its maximum", async () => {
    const wrong = verifyPin("0000");
    await statusWords(card, R_PIN_EF, wrong, wrong, wrong);
    expect(await send(card, EMPTY_VERIFY)).toBe("69 83");
    await new CardIssuer(card).resetPin("userAuth", "4321");
    expect(await statusWords(card, EMPTY_VERIFY, verifyPin(R_PIN), verifyPin("4321"), EMPTY_VERIFY)).toEqual([
      "63 C3",
      "63 C2",
      "90 00",
      "63 C3",
    ]);
  });

  it("unblocks the S PIN too, and drops its security status", async () => {
    const wrong = verifyPin("WRONG1");
    await statusWords(card, S_PIN_EF, wrong, wrong, wrong, wrong, wrong);
    await new CardIssuer(card).resetPin("signing", "NEWPIN2026");
    expect(await statusWords(card, EMPTY_VERIFY, selectEf("00 01"), "00 B0 00 00 04")).toEqual(["63 C5", "90 00", "69 82"]);
    expect(await statusWords(card, S_PIN_EF, verifyPin("NEWPIN2026"))).toEqual(["90 00", "90 00"]);
  });
});
