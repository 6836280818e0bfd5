/**
 * Any BER/DER bytes → a tree of elements with their exact offsets, for the ASN.1 viewer (X.690 §8.1). Lenient
 * and total: it never throws; what it cannot read becomes an `error` on the element (or on the tree) and the
 * rest still shows. BIT STRING and OCTET STRING values that are themselves one or more complete DER elements
 * are expanded as `encapsulated` children (a certificate's extensions, an OCSP basic response, CMS eContent).
 */

export type TagClass = "universal" | "application" | "context" | "private";

export interface Asn1Node {
  /** A stable path ("0.2.1"; "e" marks a step into encapsulated DER), unique in the tree. */
  id: string;
  /** Offset of the identifier octet in the input. */
  offset: number;
  /** Identifier + length octets. */
  headerLength: number;
  /** Content octets (for an indefinite length: up to, not including, the end-of-contents octets). */
  length: number;
  /** Total size of the element, end-of-contents included. */
  totalLength: number;
  tagClass: TagClass;
  tagNumber: number;
  constructed: boolean;
  indefinite: boolean;
  /** Constructed contents, or DER found inside a BIT/OCTET STRING (`encapsulated`). */
  children: Asn1Node[];
  encapsulated: boolean;
  /** Why this element (or its contents) could not be read completely. */
  error?: string;
}

export interface Asn1Tree {
  bytes: Uint8Array;
  /** Top-level elements (normally one). */
  roots: Asn1Node[];
  /** Why the input is not exactly one complete element (truncated, trailing bytes, empty…). */
  error?: string;
}

const CLASSES: TagClass[] = ["universal", "application", "context", "private"];
/** Nesting deeper than this is not a real PKI structure: stop rather than recurse forever. */
const MAX_DEPTH = 64;

interface Header {
  tagClass: TagClass;
  tagNumber: number;
  constructed: boolean;
  headerLength: number;
  /** null: indefinite. */
  length: number | null;
}

function readHeader(bytes: Uint8Array, offset: number, limit: number): Header | string {
  if (offset >= limit) return `truncated at offset ${offset}`;
  const first = bytes[offset]!;
  let tagNumber = first & 0x1f;
  let cursor = offset + 1;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (cursor >= limit) return `truncated tag at offset ${offset}`;
      if (i >= 4) return `tag number too large at offset ${offset}`;
      const b = bytes[cursor++]!;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (cursor >= limit) return `truncated length at offset ${offset}`;
  const lengthOctet = bytes[cursor++]!;
  let length: number | null;
  if (lengthOctet === 0x80) {
    length = null;
  } else if (lengthOctet & 0x80) {
    const count = lengthOctet & 0x7f;
    if (count > 4 || count === 0x7f) return `unsupported length form at offset ${offset}`;
    if (cursor + count > limit) return `truncated length at offset ${offset}`;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[cursor++]!;
  } else {
    length = lengthOctet;
  }
  return { tagClass: CLASSES[first >> 6]!, tagNumber, constructed: (first & 0x20) !== 0, headerLength: cursor - offset, length };
}

/** Reads consecutive elements in [start, limit); stops at the first it cannot read and says why. */
function readSequence(bytes: Uint8Array, start: number, limit: number, idPrefix: string, depth: number, untilEoc: boolean): { nodes: Asn1Node[]; end: number; error?: string } {
  const nodes: Asn1Node[] = [];
  let offset = start;
  while (offset < limit) {
    if (untilEoc && bytes[offset] === 0 && bytes[offset + 1] === 0) return { nodes, end: offset + 2 };
    const node = readNode(bytes, offset, limit, `${idPrefix}${nodes.length}`, depth);
    if (typeof node === "string") return { nodes, end: offset, error: node };
    nodes.push(node);
    offset = node.offset + node.totalLength;
  }
  return untilEoc ? { nodes, end: offset, error: "end-of-contents missing" } : { nodes, end: offset };
}

function readNode(bytes: Uint8Array, offset: number, limit: number, id: string, depth: number): Asn1Node | string {
  const header = readHeader(bytes, offset, limit);
  if (typeof header === "string") return header;
  const valueStart = offset + header.headerLength;
  const base = { id, offset, headerLength: header.headerLength, tagClass: header.tagClass, tagNumber: header.tagNumber, constructed: header.constructed, encapsulated: false };
  if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} at offset ${offset}`;
  if (header.length === null) {
    if (!header.constructed) return `indefinite length on a primitive element at offset ${offset}`;
    const inner = readSequence(bytes, valueStart, limit, `${id}.`, depth + 1, true);
    const contentEnd = inner.error === undefined ? inner.end - 2 : inner.end;
    return { ...base, length: contentEnd - valueStart, totalLength: inner.end - offset, indefinite: true, children: inner.nodes, ...(inner.error === undefined ? {} : { error: inner.error }) };
  }
  // A truncated element keeps what is there (clipped at its container), marked, so the viewer still shows it.
  const claimed = valueStart + header.length;
  const end = Math.min(claimed, limit);
  const node: Asn1Node = { ...base, length: end - valueStart, totalLength: end - offset, indefinite: false, children: [] };
  if (claimed > limit) node.error = `element at offset ${offset} claims ${header.length} bytes; only ${limit - valueStart} remain`;
  if (header.constructed) {
    const inner = readSequence(bytes, valueStart, end, `${id}.`, depth + 1, false);
    node.children = inner.nodes;
    if (inner.error !== undefined) node.error ??= inner.error;
  } else if (node.error !== undefined) {
    // a truncated primitive: its value is partial, never expanded
  } else if (header.tagClass === "universal" && (header.tagNumber === 3 || header.tagNumber === 4)) {
    node.children = encapsulatedIn(bytes, header.tagNumber === 3 ? valueStart + 1 : valueStart, end, id, depth, header.tagNumber === 3 ? bytes[valueStart] : 0);
    node.encapsulated = node.children.length > 0;
  }
  return node;
}

/**
 * DER inside a BIT STRING (no unused bits) or an OCTET STRING: shown only when the value is one or more
 * complete, well-formed constructed elements — a random hash or key rarely is, and then it stays a value.
 */
function encapsulatedIn(bytes: Uint8Array, start: number, end: number, id: string, depth: number, unusedBits: number | undefined): Asn1Node[] {
  if (unusedBits !== 0 || end - start < 2) return [];
  const first = bytes[start]!;
  // Only SEQUENCE/SET or a constructed tagged value, or an OCTET STRING/INTEGER inside (nonce, RSA key parts).
  const plausible = first === 0x30 || first === 0x31 || first === 0x04 || first === 0x02 || (first & 0xe0) === 0xa0;
  if (!plausible) return [];
  const inner = readSequence(bytes, start, end, `${id}.e`, depth + 1, false);
  if (inner.error !== undefined || inner.end !== end || inner.nodes.some(hasError)) return [];
  return inner.nodes;
}

function hasError(node: Asn1Node): boolean {
  return node.error !== undefined || node.children.some(hasError);
}

/** Parses the bytes into elements; never throws. */
export function parseAsn1Tree(bytes: Uint8Array): Asn1Tree {
  if (bytes.length === 0) return { bytes, roots: [], error: "no bytes" };
  const read = readSequence(bytes, 0, bytes.length, "", 0, false);
  if (read.error !== undefined) return { bytes, roots: read.nodes, error: read.error };
  if (read.nodes.length > 1) return { bytes, roots: read.nodes, error: `${read.nodes.length} elements, not one (trailing bytes after offset ${read.nodes[0]!.totalLength})` };
  let first: string | undefined;
  walkAsn1(read.nodes, (node) => {
    first ??= node.error;
  });
  return first === undefined ? { bytes, roots: read.nodes } : { bytes, roots: read.nodes, error: `${first} (marked below)` };
}

/** The content octets of an element (indefinite: without the end-of-contents). */
export function contentOf(tree: Pick<Asn1Tree, "bytes">, node: Asn1Node): Uint8Array {
  const start = node.offset + node.headerLength;
  return tree.bytes.subarray(start, start + node.length);
}

/** The whole element, header included. */
export function encodingOf(tree: Pick<Asn1Tree, "bytes">, node: Asn1Node): Uint8Array {
  return tree.bytes.subarray(node.offset, node.offset + node.totalLength);
}

/** Depth-first list of every element (encapsulated ones too). */
export function walkAsn1(nodes: readonly Asn1Node[], visit: (node: Asn1Node, depth: number) => void, depth = 0): void {
  for (const node of nodes) {
    visit(node, depth);
    walkAsn1(node.children, visit, depth + 1);
  }
}

/** The element with this id, or undefined. */
export function findAsn1Node(nodes: readonly Asn1Node[], id: string): Asn1Node | undefined {
  let found: Asn1Node | undefined;
  walkAsn1(nodes, (node) => {
    if (found === undefined && node.id === id) found = node;
  });
  return found;
}
