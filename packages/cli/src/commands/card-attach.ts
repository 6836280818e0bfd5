/**
 * `jpki-sandbox card attach --card ID | --ephemeral`: puts a sandbox card into vsmartcard's virtual reader
 * (vpcd, inside pcscd), so OpenSC's jpki driver, its PKCS#11 module and any JPKI middleware use it as a real
 * My Number Card. `--card` bridges a card of the portal's wallet through its APDU session API (retry counters
 * and the APDU log stay visible in the wallet); `--ephemeral` makes a throwaway card for 花子 in this process.
 * Runs until SIGINT/SIGTERM (or the `signal` of the io, for tests); a stop removes the card from the reader.
 */
import { writeFileSync } from "node:fs";
import { createEphemeralCard, isBridgeError, localCard, PortalApduCard, VPCD_DEFAULT_PORT, VpcdBridge, type BridgedCard } from "@jpki-sandbox/card-bridge";
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { destination, pino } from "pino";
import { resolvePortalOperatorCredential } from "../credentials.js";
import type { CliEnv } from "../env.js";
import { CliError, CliInputError, type CliIo } from "../io.js";
import { resolvePortalUrl } from "../portal-client.js";
import { choosePin } from "./citizen-create.js";

export interface CardAttachOptions {
  card?: string;
  ephemeral?: boolean;
  vpcd?: string;
  quickack?: boolean;
  logLevel?: string;
  portal?: string;
  portalPassword?: string;
  userAuthPin?: string;
  signingPin?: string;
  caOut?: string;
}

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** `host:port`, `port`, or `host` (port 35963); an IPv6 host in brackets. */
export function parseVpcdAddress(value: string | undefined): { host: string; port: number } {
  if (value === undefined) return { host: "127.0.0.1", port: VPCD_DEFAULT_PORT };
  const bad = () => new CliInputError(`--vpcd: expected host:port (default 127.0.0.1:${VPCD_DEFAULT_PORT}), got ${value}`);
  let host: string;
  let portText: string | undefined;
  if (/^\d+$/.test(value)) [host, portText] = ["127.0.0.1", value];
  else {
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(value);
    if (!match) throw bad();
    host = (match[1] ?? match[2])!;
    portText = match[3];
  }
  const port = portText === undefined ? VPCD_DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw bad();
  return { host, port };
}

export async function cardAttach(options: CardAttachOptions, io: CliIo & { signal?: AbortSignal }, env: CliEnv): Promise<void> {
  if ((options.card === undefined) === (options.ephemeral !== true)) throw new CliInputError("give either --card ID (a card of the portal's wallet) or --ephemeral");
  const level = options.logLevel ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new CliInputError(`--log-level: one of ${LOG_LEVELS.join(", ")}`);
  const vpcd = parseVpcdAddress(options.vpcd);
  // Logs go to stderr (APDUs at debug, PINs masked); stdout says what happens in words.
  const logger = pino({ name: "card-bridge", level }, destination(2));

  let card: BridgedCard;
  if (options.card !== undefined) {
    const portalUrl = resolvePortalUrl(options.portal, env);
    const portalCard = new PortalApduCard({ portalUrl, cardId: options.card, credential: resolvePortalOperatorCredential(options, env) });
    try {
      await portalCard.open();
    } catch (error) {
      throw asCliError(error);
    }
    card = portalCard;
    io.out(`card ${options.card} of the portal's wallet (${portalUrl}/cards/${encodeURIComponent(options.card)}): retry counters and the APDU log show there`);
  } else {
    const userAuth = choosePin("userAuth", options.userAuthPin).pin;
    const signing = choosePin("signing", options.signingPin).pin;
    const made = await createEphemeralCard({ persona: HANAKO, userAuthPin: userAuth, signingPin: signing });
    card = localCard(made.card);
    io.out(`an ephemeral card for ${HANAKO.name} with fresh sandbox CAs, in this process only (PINs: --user-auth-pin / --signing-pin, sandbox defaults otherwise)`);
    if (options.caOut) {
      const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/.{1,64}/g, "$&\n")}-----END CERTIFICATE-----\n`;
      writeFileSync(`${options.caOut}/s-ca.pem`, pem(made.caCertificates.S));
      writeFileSync(`${options.caOut}/r-ca.pem`, pem(made.caCertificates.R));
      io.out(`its CA certificates: ${options.caOut}/s-ca.pem, ${options.caOut}/r-ca.pem`);
    }
  }

  const bridge = new VpcdBridge({ card, host: vpcd.host, port: vpcd.port, logger, quickAck: options.quickack !== false }).start();
  io.out(`connecting to vpcd at ${vpcd.host}:${vpcd.port} (pcscd with vsmartcard-vpcd; TCP_QUICKACK ${bridge.quickAck ? "on" : "off"})…`);
  const stop = stopRequested(io.signal);
  const connected = await Promise.race([bridge.connected().then(() => true), stop.promise.then(() => false), bridge.done().then(() => false, () => false)]);
  if (connected) {
    io.out(`card inserted in vpcd's reader; try: opensc-tool -n · pkcs15-tool -D · pkcs11-tool --module opensc-pkcs11.so -L (Ctrl-C removes it)`);
  }
  try {
    await Promise.race([stop.promise, bridge.done()]);
  } catch (error) {
    throw asCliError(error);
  } finally {
    stop.dispose();
    await bridge.stop();
  }
  io.out("card removed from the reader");
}

function asCliError(error: unknown): unknown {
  if (!isBridgeError(error)) return error;
  if (error.code === "CARD_UNAVAILABLE") return new CliError("PORTAL_UNREACHABLE", error.message, { cause: error });
  if (error.code === "CARD_REFUSED" || error.code === "CARD_RESET") return new CliError("PORTAL_PROBLEM", error.message, { cause: error });
  return new CliError("BAD_INPUT", error.message, { cause: error });
}

/** Resolves on SIGINT/SIGTERM or when `signal` aborts. */
function stopRequested(signal: AbortSignal | undefined): { promise: Promise<void>; dispose(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const onSignal = () => resolve();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  if (signal?.aborted) resolve();
  signal?.addEventListener("abort", onSignal, { once: true });
  return {
    promise,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      signal?.removeEventListener("abort", onSignal);
    },
  };
}
