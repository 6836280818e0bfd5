/**
 * The applet's volatile state (its RAM): what is selected and which PINs were verified. A power cycle
 * (VirtualCard.reset) or a new SELECT of the AP starts a fresh session, so nothing verified survives either.
 */
import type { ElementaryFile, Slot } from "./files.js";

export interface Session {
  appletSelected: boolean;
  /** The current EF; undefined until a SELECT FILE succeeds. */
  current?: ElementaryFile;
  /** Security status: the slot's PIN was verified in this session. */
  verified: Record<Slot, boolean>;
}

export function newSession(appletSelected = false): Session {
  return { appletSelected, verified: { userAuth: false, signing: false } };
}
