/**
 * The characters a JPKI certificate can carry as they are (JPKI.md "name"): JIS X 0208 levels 1 and 2 with
 * its non-kanji rows, and the JIS X 0212 supplementary kanji (補助漢字). Anything else is replaced by a
 * substitute character and flagged in the substitute-position field.
 *
 * The set is derived from the EUC-JP decoder every WebCrypto runtime already has (WHATWG Encoding), so no
 * table ships with jpki-core. Rows outside the standards (NEC/IBM extensions in the WHATWG index) are skipped.
 */
let cached: Set<string> | undefined;

function isStandardJisX0208Row(row: number): boolean {
  return (row >= 1 && row <= 8) || (row >= 16 && row <= 84);
}

function isJisX0212SupplementaryKanjiRow(row: number): boolean {
  return row >= 16 && row <= 77;
}

function buildCharacterSet(): Set<string> {
  const decoder = new TextDecoder("euc-jp");
  const set = new Set<string>();
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    const row = lead - 0xa0;
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      if (isStandardJisX0208Row(row)) add(decoder.decode(Uint8Array.of(lead, trail)));
      if (isJisX0212SupplementaryKanjiRow(row)) add(decoder.decode(Uint8Array.of(0x8f, lead, trail)));
    }
  }
  return set;

  function add(char: string): void {
    if (char.length > 0 && !char.includes("\ufffd")) set.add(char);
  }
}

/** True when `char` (one code point) may appear in a certificate attribute unreplaced. */
export function isCertificateCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return true; // ASCII as written on a persona (sandbox choice)
  cached ??= buildCharacterSet();
  return cached.has(char);
}

/**
 * Substitutes for common variant kanji outside the set, in the spirit of the resident register's practice;
 * anything not listed becomes the geta mark 〓 (U+3013), the customary placeholder (a sandbox choice).
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  "\u{20BB7}": "吉", // 𠮷 (tsuchi-yoshi)
  "\u{2123D}": "土",
  "\u{FA10}": "塚",
  "\u{FA11}": "崎", // 﨑 (tatsu-saki)
  "\u{9AD9}": "高", // 髙 (hashigo-daka)
  "\u{5FB7}": "徳",
  "\u{6FF5}": "浜",
  "\u{6801}": "柳",
};

export const FALLBACK_SUBSTITUTE = "〓";

export function substituteFor(char: string): string {
  const candidate = SUBSTITUTES[char];
  return candidate !== undefined && isCertificateCharacter(candidate) ? candidate : FALLBACK_SUBSTITUTE;
}
