/** The ASN.1 tree reader and value words, on fixed DER vectors (X.690 examples) and on broken input. */
import { describe, expect, it } from "vitest";
import { contentOf, findAsn1Node, parseAsn1Tree } from "./der-tree.js";
import { decodeOidContents, decodeTime, tagName, valueText } from "./values.js";

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, "").match(/../g) ?? [], (b) => parseInt(b, 16));

describe("parseAsn1Tree", () => {
  it("reads offsets, lengths and tags of nested elements", () => {
    // SEQUENCE { INTEGER 5, OID sha256WithRSAEncryption, [0] { UTF8String "花" } }
    const der = hex("30 17 02 01 05 06 09 2a864886f70d01010b a0 05 0c 03 e88ab1 05 00");
    const tree = parseAsn1Tree(der);
    expect(tree.error).toBeUndefined();
    const [root] = tree.roots;
    expect(root).toMatchObject({ id: "0", offset: 0, headerLength: 2, length: 23, tagClass: "universal", tagNumber: 16, constructed: true });
    expect(root!.children.map((c) => [c.id, c.offset, tagName(c)])).toEqual([
      ["0.0", 2, "INTEGER"],
      ["0.1", 5, "OBJECT IDENTIFIER"],
      ["0.2", 16, "[0]"],
      ["0.3", 23, "NULL"],
    ]);
    const oid = findAsn1Node(tree.roots, "0.1")!;
    expect(valueText(oid, contentOf(tree, oid))).toEqual({ text: "1.2.840.113549.1.1.11", style: "oid", name: "sha256WithRSAEncryption" });
    const utf8 = findAsn1Node(tree.roots, "0.2.0")!;
    expect(valueText(utf8, contentOf(tree, utf8))?.text).toBe("花");
    const int = findAsn1Node(tree.roots, "0.0")!;
    expect(valueText(int, contentOf(tree, int))?.text).toBe("5 (0x05)");
  });

  it("expands DER inside an OCTET STRING and a BIT STRING, but not a hash", () => {
    const tree = parseAsn1Tree(hex("30 0f 04 05 30 03 02 01 07 03 06 00 30 03 01 01 ff"));
    const [octets, bits] = tree.roots[0]!.children;
    expect(octets).toMatchObject({ encapsulated: true });
    expect(octets!.children[0]).toMatchObject({ id: "0.0.e0", tagNumber: 16 });
    expect(bits).toMatchObject({ encapsulated: true });
    const hash = parseAsn1Tree(hex("04 04 de ad be ef")).roots[0]!;
    expect(hash).toMatchObject({ encapsulated: false, children: [] });
  });

  it("reads BER indefinite lengths", () => {
    const tree = parseAsn1Tree(hex("30 80 02 01 01 00 00"));
    expect(tree.error).toBeUndefined();
    expect(tree.roots[0]).toMatchObject({ indefinite: true, length: 3, totalLength: 7 });
  });

  it("never throws: truncated, trailing, empty and runaway input each say what is wrong", () => {
    expect(parseAsn1Tree(new Uint8Array()).error).toBe("no bytes");
    const truncated = parseAsn1Tree(hex("30 82 05 00 02 01"));
    expect(truncated.roots[0]).toMatchObject({ length: 2, error: expect.stringMatching(/claims 1280 bytes/) });
    expect(truncated.roots[0]!.children[0]).toMatchObject({ tagNumber: 2, error: expect.stringMatching(/claims 1 bytes/) });
    expect(truncated.error).toMatch(/claims 1280 bytes/);
    const trailing = parseAsn1Tree(hex("02 01 01 ff"));
    expect(trailing.roots).toHaveLength(1);
    expect(trailing.error).toMatch(/truncated|not one/);
    const inner = parseAsn1Tree(hex("30 04 02 05 01 02"));
    expect(inner.roots[0]!.children[0]!.error).toMatch(/claims 5 bytes/);
    expect(inner.error).toMatch(/claims 5 bytes.*marked below/);
    const deep = new Uint8Array(400).fill(0x30);
    for (let i = 1; i < deep.length; i += 2) deep[i] = 0x80;
    expect(() => parseAsn1Tree(deep)).not.toThrow();
    expect(() => parseAsn1Tree(Uint8Array.from({ length: 2048 }, (_, i) => (i * 37 + 11) % 256))).not.toThrow();
  });
});

describe("values", () => {
  it("decodes OIDs with large arcs, both time forms, and names JPKI arcs", () => {
    expect(decodeOidContents(hex("2a 83 08 8c 9b 55 08 05 05 01"))).toBe("1.2.392.200149.8.5.5.1");
    expect(decodeOidContents(hex("88 37"))).toBe("2.999");
    expect(decodeOidContents(hex("2a 86"))).toBeNull();
    const node = parseAsn1Tree(hex("06 0a 2a 83 08 8c 9b 55 08 05 05 01")).roots[0]!;
    expect(valueText(node, hex("2a 83 08 8c 9b 55 08 05 05 01"))?.name).toBe("JPKI 氏名 / name");
    expect(decodeTime(new TextEncoder().encode("260401100000Z"), true)?.toISOString()).toBe("2026-04-01T10:00:00.000Z");
    expect(decodeTime(new TextEncoder().encode("20500101000000Z"), false)?.toISOString()).toBe("2050-01-01T00:00:00.000Z");
    expect(decodeTime(new TextEncoder().encode("garbage"), false)).toBeNull();
  });
});
