/**
 * Fixtures for the OCSP tests (TEST ONLY; imported by *.test.ts files only): sandbox S and R CAs with their
 * delegated responders, made once per test file, a service over an in-memory status source, and DER helpers to hand-craft requests that
 * jpki-core's builder refuses to make (oversized nonces, critical extensions).
 */
import {
  buildOcspRequest,
  createCertificationAuthority,
  createOcspResponder,
  parseOcspResponse,
  randomSerialNumber,
  type BuiltOcspRequest,
  type CertIdHashAlgorithm,
  type CertificateKind,
  type SuccessfulOcspResponse,
} from "@jpki-sandbox/jpki-core";
import { createFixedClock, type SandboxClock } from "../clock.js";
import type { OcspChaos } from "./chaos.js";
import { createOcspService, type OcspService } from "./service.js";
import type { OcspAuthority } from "./sign-response.js";
import { createInMemoryStatusSource, type InMemoryStatusSource } from "./status-source.js";

/** Inside every fixture certificate's validity (they start on 2025-01-01). */
export const FIXTURE_NOW = new Date("2026-06-01T03:00:00.000Z");

let authorities: Promise<Record<CertificateKind, OcspAuthority>> | undefined;

export function testAuthorities(): Promise<Record<CertificateKind, OcspAuthority>> {
  authorities ??= (async () => {
    const notBefore = new Date("2025-01-01T00:00:00Z");
    const [S, R] = await Promise.all(
      (["S", "R"] as const).map(async (kind) => {
        const ca = await createCertificationAuthority({ kind, notBefore });
        return { ca, responder: await createOcspResponder(ca, { notBefore }) };
      }),
    );
    return { S: S!, R: R! };
  })();
  return authorities;
}

export async function requestFor(
  authority: OcspAuthority,
  serialNumbers: string[],
  options: { nonce?: boolean | Uint8Array<ArrayBuffer>; hashAlgorithm?: CertIdHashAlgorithm } = {},
): Promise<BuiltOcspRequest> {
  return buildOcspRequest({ issuer: authority.ca.certificate, serialNumbers, ...options });
}

/** DER TLV with a definite length. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes =
    length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : [0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(1 + lengthBytes.length + length);
  out.set([tag, ...lengthBytes]);
  let offset = 1 + lengthBytes.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The contents of the first TLV in `der` (enough for the short structures built here). */
function contentsOf(der: Uint8Array): Uint8Array {
  const first = der[1]!;
  const headerLength = first < 0x80 ? 2 : 2 + (first & 0x7f);
  return der.subarray(headerLength);
}

/** An extension { extnID, critical?, extnValue } with the OID given as its DER contents. */
export function extension(oidContents: number[], value: Uint8Array, critical = false): Uint8Array<ArrayBuffer> {
  const parts = [tlv(0x06, new Uint8Array(oidContents))];
  if (critical) parts.push(tlv(0x01, new Uint8Array([0xff])));
  parts.push(tlv(0x04, value));
  return tlv(0x30, ...parts);
}

/** id-pkix-ocsp-nonce, 1.3.6.1.5.5.7.48.1.2 */
export const NONCE_OID = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02];

/** The same request list as `request` (built without a nonce), with `extensions` as requestExtensions. */
export function withRequestExtensions(request: BuiltOcspRequest, ...extensions: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const tbsRequest = contentsOf(contentsOf(request.der)); // OCSPRequest → TBSRequest contents = requestList
  return tlv(0x30, tlv(0x30, tbsRequest, tlv(0xa2, tlv(0x30, ...extensions))));
}

/** Issued by the S fixture CA in every serviceFixture: one good, one revoked (keyCompromise). */
export const GOOD_SERIAL = randomSerialNumber();
export const REVOKED_SERIAL = randomSerialNumber();
export const REVOKED_AT = new Date("2026-05-20T08:09:10Z");

/** A fresh service (fixed clock at FIXTURE_NOW, empty cache) over a fresh in-memory status source. */
export async function serviceFixture(chaos: () => OcspChaos): Promise<{
  clock: SandboxClock;
  statuses: InMemoryStatusSource;
  service: OcspService;
}> {
  const authorities = await testAuthorities();
  const clock = createFixedClock(FIXTURE_NOW);
  const statuses = createInMemoryStatusSource();
  statuses.issue("S", GOOD_SERIAL);
  statuses.revoke("S", REVOKED_SERIAL, REVOKED_AT, "keyCompromise");
  return { clock, statuses, service: createOcspService({ authorities, statuses, clock, chaos }) };
}

/** The parsed response, which must be a successful one. */
export function successful(der: Uint8Array): SuccessfulOcspResponse {
  const parsed = parseOcspResponse(der as Uint8Array<ArrayBuffer>);
  if (parsed.responseStatus !== "successful") throw new Error(`expected successful, got ${parsed.responseStatus}`);
  return parsed;
}
