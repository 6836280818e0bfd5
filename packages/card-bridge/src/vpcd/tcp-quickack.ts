/**
 * TCP_QUICKACK on the bridge's socket (Linux). Why: Debian 12's vpcd (vsmartcard 3.3) writes each frame's
 * 2-byte length and its body with two send() calls and no TCP_NODELAY, so Nagle holds the body until the length
 * is ACKed — and the receiving kernel delays that ACK (~40 ms) because the bridge has nothing to send yet.
 * Setting TCP_QUICKACK before each receive makes the kernel ACK at once: ~0.1 ms per APDU instead of ~40 ms.
 * The kernel clears the flag by itself, so it is set again after every read and every write.
 *
 * Node has no setsockopt, so this calls libc's through koffi (a maintained FFI with prebuilt binaries as
 * per-platform optional dependencies; its install script is not needed and is denied in allowScripts). Where
 * koffi or TCP_QUICKACK is missing (not Linux), `quickAckFor` says why and the bridge runs without it.
 */
import { createRequire } from "node:module";
import type { Socket } from "node:net";

const IPPROTO_TCP = 6;
/** linux/tcp.h */
const TCP_QUICKACK = 12;

type SetSockOpt = (fd: number, level: number, name: number, value: number[], length: number) => number;

export type QuickAck = { available: true; arm(socket: Socket): void } | { available: false; reason: string; arm(socket: Socket): void };

let loaded: QuickAck | undefined;

/** Whether TCP_QUICKACK can be set here, and a function that sets it on a connected socket (a no-op if not). */
export function quickAck(): QuickAck {
  loaded ??= load();
  return loaded;
}

function load(): QuickAck {
  const unavailable = (reason: string): QuickAck => ({ available: false, reason, arm: () => undefined });
  if (process.platform !== "linux") return unavailable(`TCP_QUICKACK is Linux-only (this is ${process.platform})`);
  let setsockopt: SetSockOpt;
  try {
    // koffi is an optional dependency: loaded lazily so the bridge works (slower) without it.
    const koffi = createRequire(import.meta.url)("koffi") as {
      load(path: string): { func(signature: string): SetSockOpt };
    };
    setsockopt = koffi.load("libc.so.6").func("int setsockopt(int fd, int level, int name, const int *value, uint32_t length)");
  } catch (cause) {
    return unavailable(`koffi (optional dependency) could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  return {
    available: true,
    arm(socket) {
      const fd = socketFd(socket);
      if (fd !== undefined) setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, [1], 4);
    },
  };
}

/** The file descriptor of a connected TCP socket (libuv's handle; undocumented but stable on Unix). */
function socketFd(socket: Socket): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === "number" && fd >= 0 ? fd : undefined;
}
