/**
 * `jpki-sandbox citizen create --persona hanako|FILE.json`: the municipal counter (市区町村窓口) of the citizen
 * portal (apps/portal, POST /api/v1/counter/citizens as its operator) registers the persona as a resident at
 * jlis and issues a real virtual My Number Card: the card makes its own key pairs, jlis certifies them against
 * the card's PKCS#10 requests (proof of possession), and the portal writes the certificates into the card and
 * sets its PINs. The private keys never leave the card, so this command writes no files: the card is used in
 * the portal's wallet (`walletUrl`), its certificates are printed. Whether an under-15 gets S is the portal's
 * call on the sandbox clock (JPKI.md "Issued to"); `--under15-signing` asks for one.
 */
import { parseCertificate, type CertificateKind, type ParsedCertificate, type Persona } from "@jpki-sandbox/jpki-core";
import { isValidPin } from "@jpki-sandbox/virtual-card/pin-rules";
import { resolvePortalOperatorCredential } from "../credentials.js";
import type { CliEnv } from "../env.js";
import { CliError, CliInputError, type CliIo } from "../io.js";
import { loadPersona } from "../persona.js";
import { PortalClient, resolvePortalUrl, type IssuedCitizen } from "../portal-client.js";

export interface CitizenCreateOptions {
  persona: string;
  json?: boolean;
  under15Signing?: boolean;
  userAuthPin?: string;
  signingPin?: string;
  portal?: string;
  portalPassword?: string;
}

/**
 * The PINs a sandbox card gets unless the flags say otherwise: TEST ONLY values, the same as the virtual
 * card's test fixtures, documented in `--help` so a tester knows them without this command printing them.
 */
export const DEFAULT_USER_AUTH_PIN = "1234";
export const DEFAULT_SIGNING_PIN = "SANDBOX1";

/**
 * How this command names and explains the two PINs. The rules themselves (JPKI.md "The two certificates",
 * PIN row) are the card's (@jpki-sandbox/virtual-card), checked here so a bad PIN costs no round trip.
 */
export const PIN_FLAGS = {
  userAuth: { flag: "--user-auth-pin", name: "R PIN (利用者証明用パスワード)", rule: "exactly 4 digits" },
  signing: { flag: "--signing-pin", name: "S PIN (署名用パスワード)", rule: "6–16 characters, digits and upper-case letters A–Z" },
} as const;

type PinSlot = keyof typeof PIN_FLAGS;

interface ChosenPin {
  pin: string;
  /** The flag that set it, or undefined for the sandbox default. */
  flag: string | undefined;
}

/** The --json output: what the portal answered, less the expiry, plus where the card is used. */
export interface CitizenCreated extends Omit<IssuedCitizen, "expiresAt"> {
  /** The card's page in the portal's wallet: the only place its private keys can be used. */
  walletUrl: string;
}

/** The PIN from its flag or the default, refused (BAD_INPUT, naming the rule, never the PIN) when it breaks the rule. */
export function choosePin(slot: PinSlot, given: string | undefined): ChosenPin {
  const { flag, name, rule } = PIN_FLAGS[slot];
  if (given === undefined) return { pin: slot === "userAuth" ? DEFAULT_USER_AUTH_PIN : DEFAULT_SIGNING_PIN, flag: undefined };
  if (!isValidPin(slot, given)) throw new CliInputError(`${flag}: the ${name} is ${rule}`);
  return { pin: given, flag };
}

export async function citizenCreate(options: CitizenCreateOptions, io: CliIo, env: CliEnv): Promise<void> {
  // Everything that can be refused locally is, before the portal is asked for anything.
  const loaded = loadPersona(options.persona);
  const persona: Persona = options.under15Signing ? { ...loaded, requestSigningCertificate: true } : loaded;
  const pins = { userAuth: choosePin("userAuth", options.userAuthPin), signing: choosePin("signing", options.signingPin) };
  const client = new PortalClient({ baseUrl: resolvePortalUrl(options.portal, env) });
  const operator = resolvePortalOperatorCredential(options, env);

  // The S PIN goes along always: the portal uses it only when it issues S.
  const issued = await client.createCitizen({ persona, userAuthPin: pins.userAuth.pin, signingPin: pins.signing.pin }, operator);
  const r = certificateOf(issued.rCertificate, "R", issued.rSerial);
  const s = issued.sCertificate === null ? undefined : certificateOf(issued.sCertificate, "S", issued.sSerial);

  const result: CitizenCreated = {
    residentId: issued.residentId,
    cardId: issued.cardId,
    sSerial: s ? issued.sSerial : null,
    rSerial: issued.rSerial,
    sCertificate: s ? issued.sCertificate : null,
    rCertificate: issued.rCertificate,
    walletUrl: client.walletUrl(issued.cardId),
  };
  if (options.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  for (const line of summary(persona, issued, result, { s, r }, pins, client.baseUrl)) io.out(line);
}

/** The certificate the portal returned, of the kind and serial it says (else PORTAL_BAD_RESPONSE). */
function certificateOf(pem: string, kind: CertificateKind, serial: string | null): ParsedCertificate {
  let parsed: ParsedCertificate;
  try {
    parsed = parseCertificate(pem);
  } catch (cause) {
    throw new CliError("PORTAL_BAD_RESPONSE", `the portal returned an ${kind} certificate that cannot be read`, { cause });
  }
  if (parsed.kind !== kind || parsed.serialNumber !== serial?.toLowerCase()) {
    throw new CliError("PORTAL_BAD_RESPONSE", `the portal returned an ${kind} certificate that is not the ${kind} certificate it names (serial ${serial})`);
  }
  return parsed;
}

function summary(
  persona: Persona,
  issued: IssuedCitizen,
  result: CitizenCreated,
  certificates: { s: ParsedCertificate | undefined; r: ParsedCertificate },
  pins: Record<PinSlot, ChosenPin>,
  portalUrl: string,
): string[] {
  const { s, r } = certificates;
  const pinLine = (slot: PinSlot) => {
    const { name, rule, flag } = PIN_FLAGS[slot];
    const from = pins[slot].flag ? `set from ${flag}` : `the sandbox default (see --help; ${flag} chooses another)`;
    return `  ${name}  ${rule}: ${from}`;
  };
  return [
    `registered ${persona.name} as resident ${result.residentId} and issued virtual card ${result.cardId} at the portal (${portalUrl})`,
    s
      ? `  S 署名用電子証明書        serial ${s.serialNumber}, valid to ${s.notAfter.toISOString()}`
      : `  S 署名用電子証明書        not issued: the holder is under 15 (--under15-signing requests one)`,
    `  R 利用者証明用電子証明書  serial ${r.serialNumber}, valid to ${r.notAfter.toISOString()}`,
    `  card valid to ${issued.expiresAt}`,
    "PINs set on the card (their values are never printed):",
    pinLine("userAuth"),
    s ? pinLine("signing") : `  ${PIN_FLAGS.signing.name}  none: the card has no S certificate`,
    `the private keys stay on the card — use it in the portal's wallet: ${result.walletUrl} (TEST ONLY)`,
  ];
}
