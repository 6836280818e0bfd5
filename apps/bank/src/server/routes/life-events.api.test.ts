/**
 * What the bank does when the citizen's certificates change under it (JPKI.md "Revocation and status",
 * "Linkage services"), against a real jlis and portal: a lost card, OCSP chaos (tryLater, unknown), linkage
 * down, a move (re-validation follows old S → current S, then the consent flow fetches the new address), a
 * renewed card (login refused, relink with S) and, last, the clock five years on (expired).
 */
import type { Persona } from "@jpki-sandbox/jpki-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountView, JourneyView, RevalidationRunView } from "../../shared/api-types.js";
import { HANAKO_PINS, startBankSandbox, type BankSandbox, type IssuedCard } from "../../test-support/test-sandbox.js";

let t: BankSandbox;

beforeAll(async () => {
  t = await startBankSandbox();
});
afterAll(() => t?.stop());

async function newCustomer(): Promise<{ persona: Persona; card: IssuedCard; opened: JourneyView }> {
  const { persona: random } = (await (await t.citizen.get("/api/personas/random")).json()) as { persona: Persona };
  // Random personas include under-15s, who get an S certificate only on request (JPKI.md).
  const persona = { ...random, requestSigningCertificate: true };
  const card = await t.issueCard(persona);
  const opened = await t.openAccount(card.id, { name: persona.name, dateOfBirth: persona.dateOfBirth, sex: persona.sex, address: persona.address });
  return { persona, card, opened };
}

const setChaos = (ocsp: string, linkage = "off") => t.jlis.controls.setChaos({ ocsp: { mode: ocsp, delayMs: 0 }, linkage: { mode: linkage, delayMs: 0 } } as never);

async function revalidate(): Promise<RevalidationRunView> {
  const response = await t.staff.post("/api/staff/revalidations", {});
  expect(response.status).toBe(201);
  return (await response.json()) as RevalidationRunView;
}

const account = async () => (await (await t.customer.get("/api/account")).json()) as AccountView;

describe("the bank after life events", () => {
  it("refuses the login of a card reported lost (CERTIFICATE_REVOKED keyCompromise) and suspends the account at re-validation", async () => {
    const { card, opened } = await newCustomer();
    expect(opened.status).toBe("completed");
    expect((await t.citizen.post(`/api/counter/cards/${card.id}/loss`, {})).status).toBe(200);

    const login = await t.logIn(card.id);
    expect(login.rejection).toMatchObject({ code: "CERTIFICATE_REVOKED", revocationReason: "keyCompromise" });
    expect(login.steps.find((s) => s.key === "ocspResponse")?.outcome).toBe("failed");
    expect(login.steps.find((s) => s.key === "identify")?.outcome).toBe("skipped");

    const run = await revalidate();
    expect(run.results.find((r) => r.signingSerial === card.signingSerial)).toMatchObject({ ocspStatus: "revoked", revocationReason: "keyCompromise", action: "suspended" });
  });

  it("retries OCSP tryLater and then fails closed (OCSP_TRY_LATER); unknown is OCSP_UNKNOWN", async () => {
    const { card } = await newCustomer();
    await setChaos("tryLater");
    try {
      const login = await t.logIn(card.id);
      expect(login.rejection?.code).toBe("OCSP_TRY_LATER");
      expect(login.steps.find((s) => s.key === "ocspRequest")?.checks[0]?.detail).toContain("tryLater 3 times");
      await setChaos("unknown");
      expect((await t.logIn(card.id)).rejection?.code).toBe("OCSP_UNKNOWN");
    } finally {
      await setChaos("off");
    }
    expect((await t.logIn(card.id)).status).toBe("completed");
  });

  it("keeps an account whose linkage failed (LINKAGE_UNAVAILABLE) and completes the link at re-validation", async () => {
    await setChaos("off", "unavailable");
    let result: Awaited<ReturnType<typeof newCustomer>>;
    try {
      result = await newCustomer();
    } finally {
      await setChaos("off");
    }
    const { card, opened } = result;
    expect(opened.rejection?.code).toBe("LINKAGE_UNAVAILABLE");
    expect(opened.steps.find((s) => s.key === "register")?.outcome).toBe("passed");
    expect(opened.steps.find((s) => s.key === "linkageRequest")?.outcome).toBe("failed");
    expect((await t.logIn(card.id)).rejection?.code).toBe("CUSTOMER_UNKNOWN");

    const run = await revalidate();
    expect(run.results.find((r) => r.signingSerial === card.signingSerial)).toMatchObject({ ocspStatus: "good", action: "followedToCurrent" });
    expect((await t.logIn(card.id)).status).toBe("completed");
  });

  it("follows a move: re-validation sees affiliationChanged, follows old S → current S and flags the attributes; the consent flow fetches the new address", async () => {
    const { card, persona } = await newCustomer();
    const newAddress = "東京都千代田区永田町一丁目７番１号";
    const moved = await t.citizen.post(`/api/counter/cards/${card.id}/address-change`, {
      address: newAddress, prefecture: "東京都", city: "千代田区", prefectureRomaji: "Tokyo-to", cityRomaji: "Chiyoda-ku", localGovernmentCode: "131016", signingPin: HANAKO_PINS.signingPin,
    });
    expect(moved.status).toBe(200);

    const run = await revalidate();
    const result = run.results.find((r) => r.signingSerial === card.signingSerial);
    expect(result).toMatchObject({ ocspStatus: "revoked", revocationReason: "affiliationChanged", action: "flaggedAttributes" });
    expect(result?.newSigningSerial).toMatch(/^[0-9a-f]+$/);
    expect(result?.newSigningSerial).not.toBe(card.signingSerial);

    // R is not revoked by a move: she still logs in, and sees the flag.
    expect((await t.logIn(card.id)).status).toBe("completed");
    const before = await account();
    expect(before.customer).toMatchObject({ address: persona.address, attributesMayHaveChanged: true });
    expect(before.link).toMatchObject({ signingSerial: result?.newSigningSerial, userAuthSerial: card.userAuthSerial, source: "revalidation" });

    const { approvalUrl } = await t.start("/api/account/attribute-refresh");
    const refreshed = await t.returnToBank(await t.approve(approvalUrl, card.id, HANAKO_PINS.signingPin));
    expect(refreshed.rejection).toBeUndefined();
    expect(refreshed.status).toBe("completed");
    const after = await account();
    expect(after.customer).toMatchObject({ address: newAddress, attributesMayHaveChanged: false });
    expect(after.history.map((e) => e.kind)).toEqual(expect.arrayContaining(["attributesUpdated", "attributesFlagged", "linkRefreshed"]));
  });

  it("a renewed card's R is unknown (CUSTOMER_UNKNOWN); signing once more with S follows old S → current S and logs her in", async () => {
    const { card } = await newCustomer();
    const renewed = await t.citizen.post(`/api/counter/cards/${card.id}/renewal`, { userAuthPin: HANAKO_PINS.userAuthPin, signingPin: HANAKO_PINS.signingPin });
    expect(renewed.status).toBe(201);
    const { card: next } = (await renewed.json()) as { card: { id: string; certificates: Record<"signing" | "userAuth", { serialNumber: string }> } };

    const login = await t.logIn(next.id);
    expect(login.rejection?.code).toBe("CUSTOMER_UNKNOWN");
    expect(login.canRelink).toBe(true);

    const relink = await t.start(`/api/journeys/${login.id}/relink`);
    const journey = await t.returnToBank(await t.approve(relink.approvalUrl, next.id, HANAKO_PINS.signingPin));
    expect(journey.rejection).toBeUndefined();
    expect(journey.status).toBe("completed");
    const mine = await account();
    expect(mine.link).toMatchObject({ signingSerial: next.certificates.signing.serialNumber, userAuthSerial: next.certificates.userAuth.serialNumber, source: "relink" });
    expect((await t.logIn(next.id)).status).toBe("completed");
  });

  it("refuses a relink signed with someone else's current card", async () => {
    const first = await newCustomer();
    const renewed = await t.citizen.post(`/api/counter/cards/${first.card.id}/renewal`, { userAuthPin: HANAKO_PINS.userAuthPin, signingPin: HANAKO_PINS.signingPin });
    const { card: next } = (await renewed.json()) as { card: { id: string } };
    const stranger = await newCustomer();
    const login = await t.logIn(next.id);
    const relink = await t.start(`/api/journeys/${login.id}/relink`);
    const journey = await t.returnToBank(await t.approve(relink.approvalUrl, stranger.card.id, HANAKO_PINS.signingPin));
    expect(journey.rejection?.code).toBe("CUSTOMER_UNKNOWN");
  });

  it("five years on, her certificates have expired (CERTIFICATE_EXPIRED)", async () => {
    const { card } = await newCustomer();
    await t.jlis.controls.advanceClock("P6Y");
    const login = await t.logIn(card.id);
    expect(login.rejection?.code).toBe("CERTIFICATE_EXPIRED");
    expect(login.steps.find((s) => s.key === "verify")?.outcome).toBe("failed");
  });
});
