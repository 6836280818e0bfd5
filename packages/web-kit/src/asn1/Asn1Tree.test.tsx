/** The viewer's markup: an ARIA tree with levels and expansion, values in words, and garbage still shown. */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Asn1Tree } from "./Asn1Tree.js";
import { DecodedView } from "./DecodedView.js";
import { decodeDer } from "./decode-message.js";

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, "").match(/../g) ?? [], (b) => parseInt(b, 16));

describe("Asn1Tree", () => {
  it("renders a keyboard-reachable tree: one tab stop, levels, expanded state, OID names and the hex of the selection", () => {
    const html = renderToStaticMarkup(<Asn1Tree der={hex("30 0e 06 09 2a864886f70d01010b 04 01 ff")} label="test" />);
    expect(html).toContain('role="tree"');
    expect(html).toContain('aria-label="test"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-level="2"');
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain("sha256WithRSAEncryption");
    expect(html).toContain("OCTET STRING");
    expect(html).toContain('data-testid="asn1-hex"');
  });

  it("truncates long values with a show-all control", () => {
    const long = `04 81 c8 ${"ab ".repeat(200)}`;
    const html = renderToStaticMarkup(<Asn1Tree der={hex(long)} />);
    expect(html).toContain("show all (200 bytes)");
  });

  it("shows what it could read of garbage and says why the rest failed", () => {
    const html = renderToStaticMarkup(<Asn1Tree der={hex("30 05 02 01 01 ff")} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain("INTEGER");
  });
});

describe("DecodedView", () => {
  it("says a message could not be decoded instead of failing", () => {
    const html = renderToStaticMarkup(<DecodedView decoded={decodeDer("ocspResponse", hex("de ad"))} />);
    expect(html).toContain('data-testid="decoded-error"');
    expect(html).toContain("OCSP_RESPONSE_MALFORMED");
  });
});
