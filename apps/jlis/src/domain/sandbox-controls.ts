/**
 * The operator's controls, persisted so a restart keeps them: the sandbox clock offset and the chaos
 * knobs (DESIGN.md "Beyond the slide"). Changing either tells listeners (the OCSP cache must forget
 * answers signed at the old time or under the old chaos).
 */
import { z } from "zod";
import type { SandboxClock } from "./clock.js";
import { OCSP_CHAOS_MODES } from "./ocsp/chaos.js";
import { JlisError } from "./errors.js";
import type { JlisStore } from "./ports.js";

/** What the linkage API can be made to do: answer normally, or 503 LINKAGE_UNAVAILABLE. */
export const LINKAGE_CHAOS_MODES = ["off", "unavailable"] as const;

export const chaosSchema = z.object({
  ocsp: z.object({
    mode: z.enum(OCSP_CHAOS_MODES),
    delayMs: z.number().int().min(0).max(600_000),
  }),
  linkage: z.object({
    mode: z.enum(LINKAGE_CHAOS_MODES),
    delayMs: z.number().int().min(0).max(600_000),
  }),
});
export type Chaos = z.infer<typeof chaosSchema>;

const CLOCK_KEY = "clock.offsetMs";
const CHAOS_KEY = "chaos";

/** ISO 8601 duration with calendar parts (P5Y, P30D, PT2H, P1Y2M3DT4H5M6S), applied in UTC. */
const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function addIsoDuration(from: Date, duration: string): Date {
  const match = DURATION.exec(duration);
  if (!match) throw new JlisError("VALIDATION_FAILED", `not an ISO 8601 duration: ${JSON.stringify(duration)} (e.g. P5Y, P30D, PT12H)`);
  const [y, mo, w, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  const to = new Date(from.getTime());
  to.setUTCFullYear(to.getUTCFullYear() + y, to.getUTCMonth() + mo, to.getUTCDate() + w * 7 + d);
  return new Date(to.getTime() + ((h * 60 + mi) * 60 + s) * 1000);
}

export function createSandboxControls(store: JlisStore, clock: SandboxClock, initialChaos: Chaos) {
  let chaos: Chaos = initialChaos;
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((listener) => listener());

  return {
    /** Loads the persisted offset and chaos (env chaos wins when it is not "off"). */
    async load(): Promise<void> {
      const offset = await store.settings.get<number>(CLOCK_KEY);
      if (typeof offset === "number") clock.setOffset(offset);
      const saved = chaosSchema.safeParse(await store.settings.get(CHAOS_KEY));
      if (saved.success) {
        chaos = {
          ocsp: initialChaos.ocsp.mode !== "off" || initialChaos.ocsp.delayMs > 0 ? initialChaos.ocsp : saved.data.ocsp,
          linkage: initialChaos.linkage.mode !== "off" || initialChaos.linkage.delayMs > 0 ? initialChaos.linkage : saved.data.linkage,
        };
      }
    },
    clock: () => ({ now: clock.now(), offsetMs: clock.offsetMs }),
    /** Moves the sandbox clock forward by an ISO 8601 duration. Time only moves forward (reset aside). */
    async advanceClock(duration: string) {
      const now = clock.now();
      const target = addIsoDuration(now, duration);
      if (target.getTime() <= now.getTime()) throw new JlisError("VALIDATION_FAILED", "the duration must be positive");
      clock.setOffset(clock.offsetMs + (target.getTime() - now.getTime()));
      await store.settings.set(CLOCK_KEY, clock.offsetMs, new Date());
      changed();
      return { now: clock.now(), offsetMs: clock.offsetMs };
    },
    async resetClock() {
      clock.setOffset(0);
      await store.settings.set(CLOCK_KEY, 0, new Date());
      changed();
      return { now: clock.now(), offsetMs: 0 };
    },
    chaos: (): Chaos => chaos,
    async setChaos(next: Chaos) {
      chaos = chaosSchema.parse(next);
      await store.settings.set(CHAOS_KEY, chaos, new Date());
      changed();
      return chaos;
    },
    onChange(listener: () => void) {
      listeners.push(listener);
    },
  };
}

export type SandboxControls = ReturnType<typeof createSandboxControls>;
