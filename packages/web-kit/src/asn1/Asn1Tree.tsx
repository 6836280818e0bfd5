/**
 * Any DER as an expandable tree (WAI-ARIA tree pattern: ↑↓ move, → opens / goes in, ← closes / goes out,
 * Home/End, Enter or Space selects), each element with its tag, offset and length and its value in words, and
 * the selected element's bytes in hex below. DER inside BIT/OCTET STRINGs is expanded; what cannot be read is
 * marked and the rest still shows.
 */
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { contentOf, encodingOf, findAsn1Node, parseAsn1Tree, walkAsn1, type Asn1Node, type Asn1Tree as Tree } from "./der-tree.js";
import { tagName, valueText } from "./values.js";

/** Values longer than this are cut until "show all". */
const VALUE_LIMIT = 96;
/** The hex view shows this many bytes until "show all". */
const HEX_LIMIT = 512;

function initiallyOpen(roots: readonly Asn1Node[], depth: number): Set<string> {
  const open = new Set<string>();
  walkAsn1(roots, (node, d) => {
    if (d < depth && node.children.length > 0) open.add(node.id);
  });
  return open;
}

function visibleIds(nodes: readonly Asn1Node[], open: ReadonlySet<string>, out: string[] = []): string[] {
  for (const node of nodes) {
    out.push(node.id);
    if (open.has(node.id)) visibleIds(node.children, open, out);
  }
  return out;
}

function parentId(id: string): string | undefined {
  const cut = id.lastIndexOf(".");
  return cut < 0 ? undefined : id.slice(0, cut);
}

export function Asn1Tree({ der, label = "ASN.1", openDepth = 3, testId }: { der: Uint8Array; label?: string; openDepth?: number; testId?: string }) {
  const tree = useMemo(() => parseAsn1Tree(der), [der]);
  const [open, setOpen] = useState(() => initiallyOpen(tree.roots, openDepth));
  const [selected, setSelected] = useState<string | undefined>(tree.roots[0]?.id);
  const [focused, setFocused] = useState<string | undefined>(tree.roots[0]?.id);
  const [full, setFull] = useState<ReadonlySet<string>>(new Set());
  const domId = useId();
  const rowId = (id: string) => `${domId}-n${id.replace(/\./g, "_")}`;

  const toggle = (id: string, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    setFocused(id);
    document.getElementById(rowId(id))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (focused === undefined) return;
    const ids = visibleIds(tree.roots, open);
    const at = ids.indexOf(focused);
    const node = findAsn1Node(tree.roots, focused);
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case "ArrowDown":
        handled();
        return moveTo(ids[Math.min(at + 1, ids.length - 1)]);
      case "ArrowUp":
        handled();
        return moveTo(ids[Math.max(at - 1, 0)]);
      case "Home":
        handled();
        return moveTo(ids[0]);
      case "End":
        handled();
        return moveTo(ids[ids.length - 1]);
      case "ArrowRight":
        handled();
        if (node === undefined || node.children.length === 0) return;
        return open.has(node.id) ? moveTo(node.children[0]?.id) : toggle(node.id, true);
      case "ArrowLeft":
        handled();
        if (node !== undefined && open.has(node.id)) return toggle(node.id, false);
        return moveTo(parentId(focused));
      case "Enter":
      case " ":
        handled();
        setSelected(focused);
        if (event.key === "Enter" && node !== undefined && node.children.length > 0) toggle(node.id);
        return;
      default:
        return;
    }
  };

  const chosen = selected === undefined ? undefined : findAsn1Node(tree.roots, selected);
  return (
    <div className="asn1" data-testid={testId}>
      <div className="asn1-toolbar">
        <button type="button" className="btn btn-small" onClick={() => setOpen(initiallyOpen(tree.roots, Number.POSITIVE_INFINITY))}>
          すべて開く / Expand all
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(new Set())}>
          閉じる / Collapse
        </button>
        <span className="small muted">
          {der.length.toLocaleString("en")} bytes · ↑↓←→ Enter
        </span>
      </div>
      {tree.error !== undefined && (
        <p className="asn1-error" role="alert">
          読めない部分があります / Could not read all of it: {tree.error}
        </p>
      )}
      {tree.roots.length > 0 && (
        <ul className="asn1-tree" role="tree" aria-label={label} onKeyDown={onKeyDown}>
          {tree.roots.map((node) => (
            <Asn1Row key={node.id} node={node} tree={tree} level={1} state={{ open, selected, focused, full }} rowId={rowId} onToggle={toggle} onSelect={(id) => { setSelected(id); setFocused(id); }} onShowAll={(id) => setFull((prev) => new Set([...prev, id]))} />
          ))}
        </ul>
      )}
      {chosen !== undefined && <HexView key={chosen.id} tree={tree} node={chosen} />}
    </div>
  );
}

interface RowState {
  open: ReadonlySet<string>;
  selected: string | undefined;
  focused: string | undefined;
  full: ReadonlySet<string>;
}

function Asn1Row({ node, tree, level, state, rowId, onToggle, onSelect, onShowAll }: { node: Asn1Node; tree: Tree; level: number; state: RowState; rowId: (id: string) => string; onToggle: (id: string) => void; onSelect: (id: string) => void; onShowAll: (id: string) => void }) {
  const hasChildren = node.children.length > 0;
  const isOpen = state.open.has(node.id);
  const value = valueText(node, contentOf(tree, node));
  const long = value !== undefined && value.text.length > VALUE_LIMIT && !state.full.has(node.id);
  return (
    <li
      id={rowId(node.id)}
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-selected={state.selected === node.id}
      tabIndex={state.focused === node.id ? 0 : -1}
      className="asn1-item"
      data-asn1-id={node.id}
      onClick={(event) => {
        event.stopPropagation();
        onSelect(node.id);
      }}
    >
      <div className={`asn1-row${state.selected === node.id ? " asn1-selected" : ""}${node.error === undefined ? "" : " asn1-row-error"}`}>
        <span
          className="asn1-twisty"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            if (hasChildren) onToggle(node.id);
            onSelect(node.id);
          }}
        >
          {hasChildren ? (isOpen ? "▾" : "▸") : "·"}
        </span>
        <span className="asn1-tag">{tagName(node)}</span>
        <span className="asn1-meta">
          @{node.offset} +{node.headerLength}+{node.length}
          {node.indefinite ? " (indefinite)" : ""}
        </span>
        {node.encapsulated && <span className="asn1-encap">encapsulates</span>}
        {value !== undefined && !node.encapsulated && (
          <span className={`asn1-value asn1-value-${value.style}`}>
            {long ? `${value.text.slice(0, VALUE_LIMIT)}…` : value.text}
            {value.name !== undefined && <span className="asn1-oid-name"> {value.name}</span>}
            {long && (
              <button
                type="button"
                className="linklike asn1-more"
                tabIndex={-1}
                onClick={(event) => {
                  event.stopPropagation();
                  onShowAll(node.id);
                }}
              >
                すべて表示 / show all ({node.length} bytes)
              </button>
            )}
          </span>
        )}
        {node.error !== undefined && <span className="asn1-error-inline">⚠ {node.error}</span>}
      </div>
      {hasChildren && isOpen && (
        <ul role="group" className="asn1-group">
          {node.children.map((child) => (
            <Asn1Row key={child.id} node={child} tree={tree} level={level + 1} state={state} rowId={rowId} onToggle={onToggle} onSelect={onSelect} onShowAll={onShowAll} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The selected element's bytes, 16 to a row with offsets; its identifier and length octets marked. */
function HexView({ tree, node }: { tree: Tree; node: Asn1Node }) {
  const [all, setAll] = useState(false);
  const bytes = encodingOf(tree, node);
  const shown = all ? bytes : bytes.subarray(0, HEX_LIMIT);
  const rows: { offset: number; cells: { hex: string; header: boolean }[] }[] = [];
  for (let i = 0; i < shown.length; i += 16) {
    rows.push({
      offset: node.offset + i,
      cells: Array.from(shown.subarray(i, i + 16), (b, j) => ({ hex: b.toString(16).padStart(2, "0"), header: i + j < node.headerLength })),
    });
  }
  return (
    <div className="asn1-hex" data-testid="asn1-hex" aria-live="polite">
      <div className="asn1-hex-title small">
        {tagName(node)} @{node.offset}: {bytes.length.toLocaleString("en")} bytes <span className="muted">(太字 = タグと長さ / bold = tag and length)</span>
      </div>
      <pre className="mono">
        {rows.map((row) => (
          <span key={row.offset} className="asn1-hex-row">
            <span className="asn1-hex-offset">{row.offset.toString(16).padStart(6, "0")}</span>{" "}
            {row.cells.map((cell, k) => (
              <span key={k} className={cell.header ? "asn1-hex-header" : undefined}>
                {cell.hex}{" "}
              </span>
            ))}
            {"\n"}
          </span>
        ))}
      </pre>
      {bytes.length > shown.length && (
        <button type="button" className="linklike small" onClick={() => setAll(true)}>
          すべて表示 / show all {bytes.length.toLocaleString("en")} bytes
        </button>
      )}
    </div>
  );
}
