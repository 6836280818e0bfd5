import { describe, expect, it } from "vitest";
import * as pkijs from "pkijs";
import { bytesToHex, toBytes } from "../encoding/pem.js";
import { sandboxFixture } from "../test-support/fixtures.js";
import { certIdsEqual, createCertId } from "./cert-id.js";
import { buildOcspRequest } from "./request.js";
import { parseOcspRequest } from "./request-parser.js";
import { buildOcspErrorResponse, buildOcspResponse } from "./response-builder.js";
import { parseOcspResponse, type SuccessfulOcspResponse } from "./response-parser.js";

const producedAt = new Date("2026-05-01T00:00:00Z");
const thisUpdate = new Date("2026-05-01T00:00:00.456Z");
const nextUpdate = new Date("2026-05-02T00:00:00Z");

describe("OCSP response builder", () => {
  it("answers good / revoked with reason and time / unknown, in request order, and parses back", async () => {
    const { S, hanakoS } = await sandboxFixture();
    const issuer = S.ca.certificate;
    const [good, revoked, unknown] = await Promise.all(
      [hanakoS.certificate.serialNumber, "00c0ffee", "7777"].map((serial) => createCertId(issuer, serial)),
    );
    const der = await buildOcspResponse({
      signer: S.responder,
      producedAt,
      responses: [
        { certId: good!, status: "good", thisUpdate, nextUpdate },
        { certId: revoked!, status: "revoked", revokedAt: new Date("2026-04-15T03:04:05Z"), reason: "affiliationChanged", thisUpdate, nextUpdate },
        { certId: unknown!, status: "unknown", thisUpdate },
      ],
    });
    const parsed = parseOcspResponse(der) as SuccessfulOcspResponse;
    expect(parsed.responseStatus).toBe("successful");
    expect(parsed.producedAt).toEqual(producedAt);
    expect(parsed.responses.map((r) => r.status)).toEqual(["good", "revoked", "unknown"]);
    expect(certIdsEqual(parsed.responses[0]!.certId, good!)).toBe(true);
    expect(parsed.responses[1]).toMatchObject({
      revokedAt: new Date("2026-04-15T03:04:05Z"),
      reason: "affiliationChanged",
      reasonCode: 3,
      certId: { serialNumber: "c0ffee" },
    });
    // Whole seconds on the wire (the .456 is dropped), nextUpdate only where given.
    expect(parsed.responses[0]!.thisUpdate).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(parsed.responses[0]!.nextUpdate).toEqual(nextUpdate);
    expect(parsed.responses[2]!.nextUpdate).toBeUndefined();
    expect(parsed.nonce).toBeUndefined();
    expect(parsed.certificates.map((c) => c.serialNumber)).toEqual([S.responder.certificate.serialNumber]);
    expect(parsed.signatureAlgorithm).toBe("1.2.840.113549.1.1.11");
    expect("byKey" in parsed.responderId).toBe(true);
  });

  it("never encodes ResponseData.version, writes byKey and sha256WithRSA with NULL (checked with pkijs)", async () => {
    const { S } = await sandboxFixture();
    const der = await buildOcspResponse({
      signer: S.responder,
      producedAt,
      responses: [{ certId: await createCertId(S.ca.certificate, "01"), status: "good", thisUpdate }],
    });
    const outer = pkijs.OCSPResponse.fromBER(der);
    const basic = pkijs.BasicOCSPResponse.fromBER(toBytes(outer.responseBytes!.response.valueBlock.valueHexView));
    expect(basic.tbsResponseData.version).toBeUndefined();
    expect(bytesToHex(toBytes(basic.tbsResponseData.tbsView)).slice(0, 12)).toMatch(/^30..a2/); // first field is [2] byKey
    expect(bytesToHex(basic.signatureAlgorithm.toSchema().toBER())).toBe("300d06092a864886f70d01010b0500");
  });

  it("echoes the request nonce byte for byte", async () => {
    const { S } = await sandboxFixture();
    const request = parseOcspRequest((await buildOcspRequest({ issuer: S.ca.certificate, serialNumbers: ["01"], nonce: true })).der);
    const der = await buildOcspResponse({
      signer: S.responder,
      nonce: request.nonce!,
      responses: [{ certId: request.certIds[0]!, status: "good", thisUpdate }],
    });
    const parsed = parseOcspResponse(der) as SuccessfulOcspResponse;
    expect(parsed.nonce).toEqual(request.nonce);
    expect(bytesToHex(der)).toContain(bytesToHex(request.nonce!));
  });

  it("can be signed by the CA itself and leave `certs` out", async () => {
    const { S } = await sandboxFixture();
    const der = await buildOcspResponse({
      signer: S.ca,
      includeSignerCertificate: false,
      responses: [{ certId: await createCertId(S.ca.certificate, "01"), status: "good", thisUpdate }],
    });
    expect((parseOcspResponse(der) as SuccessfulOcspResponse).certificates).toEqual([]);
  });

  it("rejects inputs it cannot encode", async () => {
    const { S } = await sandboxFixture();
    const certId = await createCertId(S.ca.certificate, "01");
    await expect(buildOcspResponse({ signer: S.responder, responses: [] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(
      buildOcspResponse({ signer: S.responder, responses: [{ certId, status: "good", thisUpdate: nextUpdate, nextUpdate: thisUpdate }] }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(
      buildOcspResponse({ signer: S.responder, responses: [{ certId, status: "revoked", revokedAt: new Date(NaN), reason: "superseded", thisUpdate }] }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(
      buildOcspResponse({
        signer: S.responder,
        responses: [{ certId, status: "revoked", revokedAt: thisUpdate, reason: "certificateHold" as never, thisUpdate }],
      }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("builds bodiless error responses", () => {
    expect(bytesToHex(buildOcspErrorResponse("malformedRequest"))).toBe("30030a0101");
    expect(bytesToHex(buildOcspErrorResponse("internalError"))).toBe("30030a0102");
    expect(bytesToHex(buildOcspErrorResponse("tryLater"))).toBe("30030a0103");
    expect(bytesToHex(buildOcspErrorResponse("unauthorized"))).toBe("30030a0106");
    expect(parseOcspResponse(buildOcspErrorResponse("tryLater"))).toEqual({ responseStatus: "tryLater" });
    expect(() => buildOcspErrorResponse("successful" as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
