import { describe, expect, it } from "vitest";
import { isJpkiError } from "../errors.js";
import { sandboxFixture } from "../test-support/fixtures.js";
import { createCertId } from "./cert-id.js";
import { buildOcspResponse } from "./response-builder.js";
import { parseOcspResponse } from "./response-parser.js";

function expectMalformed(input: Uint8Array<ArrayBuffer>): void {
  try {
    parseOcspResponse(input);
  } catch (error) {
    expect(isJpkiError(error, "OCSP_RESPONSE_MALFORMED")).toBe(true);
    return;
  }
  expect.unreachable("expected OCSP_RESPONSE_MALFORMED");
}

describe("OCSP response parser", () => {
  it("reads every OCSPResponseStatus without a body", () => {
    expect(parseOcspResponse(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x05]))).toEqual({ responseStatus: "sigRequired" });
    expect(parseOcspResponse(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x01]))).toEqual({ responseStatus: "malformedRequest" });
  });

  it("is OCSP_RESPONSE_MALFORMED for garbage, truncation, trailing bytes and odd shapes", async () => {
    const { S } = await sandboxFixture();
    const der = await buildOcspResponse({
      signer: S.responder,
      responses: [{ certId: await createCertId(S.ca.certificate, "01"), status: "good", thisUpdate: new Date() }],
    });
    expectMalformed(new Uint8Array(0));
    expectMalformed(new TextEncoder().encode("<html>502 Bad Gateway</html>"));
    expectMalformed(der.subarray(0, der.length - 1));
    expectMalformed(der.subarray(0, 40));
    expectMalformed(new Uint8Array([...der, 0x00]));
    expectMalformed(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x04])); // 4 is not an OCSPResponseStatus
    expectMalformed(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x00])); // successful without responseBytes
    expectMalformed(new Uint8Array(S.ca.certificate.rawData));
    // A non-basic responseType.
    const other = Uint8Array.from(der);
    const oidAt = Buffer.from(other).indexOf(Buffer.from("2b0601050507300101", "hex"));
    other[oidAt + 8] = 0x09;
    expectMalformed(other);
  });
});
