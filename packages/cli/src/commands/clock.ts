/**
 * `jpki-sandbox clock show` and `clock advance DURATION`: the sandbox clock jlis issues, dates and answers
 * OCSP by. Advancing it (P5Y) lets certificates expire without waiting; time only moves forward.
 */
import { resolveAdminCredential } from "../credentials.js";
import type { CliEnv } from "../env.js";
import { JlisClient, resolveJlisUrl } from "../jlis-client.js";
import { JLIS_PATHS, type SandboxClockState } from "../jlis-api.js";
import { CliError, CliInputError, type CliIo } from "../io.js";

export interface ClockOptions {
  json?: boolean;
  jlis?: string;
  adminPassword?: string;
}

/** ISO 8601 durations jlis accepts (calendar parts; P5Y, P30D, PT12H, P1Y2M3DT4H5M6S); at least one part. */
const ISO_DURATION = /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

export function parseDuration(value: string): string {
  const duration = value.trim().toUpperCase();
  if (!ISO_DURATION.test(duration) || !/[1-9]/.test(duration)) {
    throw new CliInputError(`not a positive ISO 8601 duration: ${value} (e.g. P5Y, P30D, PT12H)`);
  }
  return duration;
}

/** `+1d 02:03:04` for an offset in milliseconds (sub-second parts dropped). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  let seconds = Math.floor(Math.abs(offsetMs) / 1000);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hms = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, "0")).join(":");
  return `${sign}${days}d ${hms}`;
}

function print(state: SandboxClockState, options: ClockOptions, io: CliIo, verb: string): void {
  if (typeof state?.now !== "string" || typeof state.offsetMs !== "number") {
    throw new CliError("JLIS_BAD_RESPONSE", "jlis answered the clock request without { now, offsetMs }");
  }
  if (options.json) io.out(JSON.stringify({ now: state.now, offsetMs: state.offsetMs }, null, 2));
  else io.out(`${verb} ${state.now} (offset ${formatOffset(state.offsetMs)} from real time)`);
}

export async function clockShow(options: ClockOptions, io: CliIo, env: CliEnv): Promise<void> {
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  print(await client.getJson<SandboxClockState>(JLIS_PATHS.clock), options, io, "sandbox time");
}

export async function clockAdvance(durationArgument: string, options: ClockOptions, io: CliIo, env: CliEnv): Promise<void> {
  const advance = parseDuration(durationArgument);
  const credential = resolveAdminCredential(options, env);
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  print(await client.postJson<SandboxClockState>(JLIS_PATHS.adminClock, { advance }, credential), options, io, "sandbox time is now");
}

export async function clockReset(options: ClockOptions, io: CliIo, env: CliEnv): Promise<void> {
  const credential = resolveAdminCredential(options, env);
  const client = new JlisClient({ baseUrl: resolveJlisUrl(options.jlis, env) });
  print(await client.postJson<SandboxClockState>(JLIS_PATHS.adminClock, { reset: true }, credential), options, io, "sandbox time is back to");
}
