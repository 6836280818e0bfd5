/**
 * `npm run bench -w packages/card-bridge`: what TCP_QUICKACK buys behind Debian's vpcd, measured side by side in
 * one run against a real pcscd + vpcd + OpenSC (skips with the reason when they are missing):
 *   - per APDU: `opensc-tool -s` with 1 and with 1 + N APDUs in one connection, the difference / N (N = 40
 *     without TCP_QUICKACK, 400 with it, so the difference stands well above process start-up jitter);
 *   - one signature: `pkcs11-tool --sign -m SHA256-RSA-PKCS` under the R PIN, process start to exit;
 * each with TCP_QUICKACK off (the reference: what vpcd gives a plain client) and on, and the ratio; plus the
 * card's own time for the same APDU in process (the floor). Loopback only; a bounded number of runs.
 */
import { HANAKO } from "@jpki-sandbox/jpki-core";
import { localCard } from "../src/cards/bridged-card.js";
import { createEphemeralCard } from "../src/cards/ephemeral-card.js";
import { pkcs11 } from "../src/testing/opensc.js";
import { pcscAvailability, runTool, startPcscd, waitForCard, type PcscTools } from "../src/testing/pcsc.js";
import { VpcdBridge } from "../src/vpcd/bridge.js";
import { quickAck } from "../src/vpcd/tcp-quickack.js";

const SELECT_AP = "00:A4:04:0C:0A:D3:92:F0:00:26:01:00:00:00:01";
const ROUNDS = 3;

const pcsc = pcscAvailability();
if (!pcsc.available) {
  console.log(`card-bridge bench skipped: ${pcsc.reason}`);
  process.exit(0);
}
if (!quickAck().available) console.log(`note: TCP_QUICKACK unavailable here (${(quickAck() as { reason: string }).reason}); "on" equals "off"`);
const tools: PcscTools = pcsc.tools;
const made = await createEphemeralCard({ persona: HANAKO, userAuthPin: "1234", signingPin: "SANDBOX1" });
const pcscd = await startPcscd(tools);
const p11 = pkcs11(tools);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Median of ROUNDS. */
async function median(run: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < ROUNDS; i++) values.push(await run());
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function measure(withQuickAck: boolean): Promise<{ perApduMs: number; signatureMs: number }> {
  const bridge = new VpcdBridge({ card: localCard(made.card), port: pcscd.vpcdPort, quickAck: withQuickAck }).start();
  try {
    await bridge.connected();
    await waitForCard(tools);
    const apdus = (n: number) => Array.from({ length: n }, () => ["-s", SELECT_AP]).flat();
    const n = withQuickAck ? 400 : 40;
    const perApduMs = await median(async () => {
      const one = await timed(() => runTool(tools.openscTool, apdus(1)));
      const many = await timed(() => runTool(tools.openscTool, apdus(1 + n)));
      return (many - one) / n;
    });
    const signatureMs = await median(() =>
      timed(async () => {
        const signed = await p11.sign("userAuth", "1234", new TextEncoder().encode("bench"));
        if (signed.code !== 0) throw new Error(`pkcs11-tool failed: ${signed.stderr}`);
      }),
    );
    return { perApduMs, signatureMs };
  } finally {
    await bridge.stop();
  }
}

try {
  const floor = await median(async () => {
    const n = 1_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) await made.card.transmit(Uint8Array.from(Buffer.from(SELECT_AP.replaceAll(":", ""), "hex")));
    return (performance.now() - start) / n;
  });
  const off = await measure(false);
  const on = await measure(true);
  const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
  console.log(`card-bridge through pcscd + vpcd (${pcscd.readerName}), median of ${ROUNDS}:`);
  console.log(`  the card itself, in process          ${ms(floor)} per APDU (floor)`);
  console.log(`  per APDU     TCP_QUICKACK off (ref)  ${ms(off.perApduMs)}`);
  console.log(`               TCP_QUICKACK on         ${ms(on.perApduMs)}   ${(off.perApduMs / on.perApduMs).toFixed(1)}× faster than the reference`);
  console.log(`  one pkcs11-tool SHA256-RSA-PKCS signature (process start to exit)`);
  console.log(`               TCP_QUICKACK off (ref)  ${ms(off.signatureMs)}`);
  console.log(`               TCP_QUICKACK on         ${ms(on.signatureMs)}   ${(off.signatureMs / on.signatureMs).toFixed(1)}× faster than the reference`);
} finally {
  p11.dispose();
  await pcscd.stop();
}
