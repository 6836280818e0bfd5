/**
 * The sandbox clock (DESIGN.md "The sandbox clock"): real time plus an offset that the operator advances,
 * so a demo can jump five years and watch certificates expire. Everything in jlis that needs "now" takes a
 * Clock; nothing calls `new Date()` for sandbox time directly.
 */
export interface Clock {
  /** Sandbox time, whole milliseconds. */
  now(): Date;
}

export interface SandboxClock extends Clock {
  readonly offsetMs: number;
  setOffset(offsetMs: number): void;
}

export function createSandboxClock(offsetMs = 0, realNow: () => number = Date.now): SandboxClock {
  let offset = offsetMs;
  return {
    now: () => new Date(realNow() + offset),
    get offsetMs() {
      return offset;
    },
    setOffset(value: number) {
      if (!Number.isSafeInteger(value)) throw new RangeError(`clock offset must be a whole number of ms, got ${value}`);
      offset = value;
    },
  };
}

/** A clock fixed at one instant (tests), movable by hand. */
export function createFixedClock(at: Date): SandboxClock {
  const base = at.getTime();
  return createSandboxClock(0, () => base);
}
