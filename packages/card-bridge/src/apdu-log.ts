/**
 * APDUs as the bridge logs them: hex with the PIN masked. VERIFY (20), CHANGE REFERENCE DATA (24) and RESET
 * RETRY COUNTER (2C) carry PINs in their data field: every data byte of those becomes `**`, whatever the CLA,
 * so no log line (pino, debug level) ever holds a PIN. Long data fields are shortened like the card's own trace.
 */
const PIN_INSTRUCTIONS = new Set([0x20, 0x24, 0x2c]);
/** Data fields over this many bytes are shown as their first 16 bytes and a count. */
const LONG_DATA = 32;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(" ");

/** A C-APDU for the log: `00 20 00 80 04 ** ** ** **`. */
export function describeCommand(apdu: Uint8Array): string {
  if (apdu.length < 4) return hex(apdu);
  const header = apdu.subarray(0, 4);
  if (apdu.length === 4) return hex(header);
  const lc = apdu[4]!;
  // Case 2 (one byte after the header: Le) or a short case 3/4 with Lc data bytes and perhaps Le.
  if (apdu.length === 5 || lc === 0 || apdu.length < 5 + lc) return hex(apdu.subarray(0, Math.min(apdu.length, 5))) + (apdu.length > 5 ? ` …(${apdu.length - 5} bytes)` : "");
  const data = apdu.subarray(5, 5 + lc);
  const rest = apdu.subarray(5 + lc);
  let shown: string;
  if (PIN_INSTRUCTIONS.has(apdu[1]!)) shown = Array.from(data, () => "**").join(" ");
  else if (data.length > LONG_DATA) shown = `${hex(data.subarray(0, 16))} …(${data.length} bytes)`;
  else shown = hex(data);
  return [hex(header), hex(Uint8Array.of(lc)), shown, rest.length ? hex(rest) : ""].filter(Boolean).join(" ");
}

/** An R-APDU for the log: the status word, and the data length when there is data. */
export function describeResponse(response: Uint8Array): string {
  if (response.length < 2) return hex(response);
  const sw = hex(response.subarray(response.length - 2));
  return response.length > 2 ? `${response.length - 2} bytes, ${sw}` : sw;
}
