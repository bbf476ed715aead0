import anyAscii from "any-ascii";

/**
 * Text rules shared by every writer (docs/exports.md "Text"). Note text is free Unicode typed in a
 * browser or pasted from Word; editing systems read lines, fields and 7-bit columns. Each writer
 * picks what a line break becomes, then what its format cannot hold is removed here, never
 * passed through.
 */

/**
 * Every line break a reader may split on: CRLF, CR, LF, VT (Word's soft line break, U+000B),
 * FF, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029). Python's
 * str.splitlines() splits on all of them, so all must go from a one-line field.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/**
 * C0 and C1 controls and DEL (after line breaks and tabs were dealt with), and the bidi embedding,
 * override and isolate controls, which can reorder the fields after them on screen.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** XML 1.0 and most text readers refuse lone surrogates and the non-characters U+FFFE/U+FFFF. */
const NON_CHARACTERS =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export interface CleanOptions {
  /** What a line break becomes ("\n" keeps lines for formats with a multi-line field). */
  lineBreak: string;
  /** What a tab becomes (a space in tab-separated formats). */
  tab?: string;
}

/** Unicode text with line breaks normalised, controls and non-characters removed. */
export function cleanText(s: string, { lineBreak, tab = " " }: CleanOptions): string {
  // Most note text is printable ASCII: nothing to clean, and four regex passes skipped.
  if (PRINTABLE_ASCII.test(s)) return s;
  return s
    .replace(NON_CHARACTERS, "")
    .replace(LINE_BREAKS, "\n")
    .replace(/\t/g, tab)
    .replace(CONTROLS, "")
    .replace(/\n/g, lineBreak);
}

/** One line: line breaks and tabs as a visible separator, runs of spaces collapsed. */
export function oneLine(s: string, separator = " / "): string {
  return cleanText(s, { lineBreak: separator })
    .replace(/[ \u00a0]{2,}/g, " ")
    .trim();
}

/**
 * 7-bit printable ASCII for CMX3600, which predates 8-bit text: accents dropped (é → e), other
 * scripts transliterated by any-ascii (日本語 → RiBenYu, שלום → slvm, emoji → :name:), anything
 * left outside 0x20-0x7E removed.
 */
export function toAscii(s: string): string {
  return anyAscii(oneLine(s)).replace(/[^\x20-\x7e]/g, "");
}

/** At most `max` characters (code points, so no surrogate pair is cut), with "..." when cut. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return `${chars.slice(0, Math.max(0, max - 3)).join("")}...`;
}

/**
 * Spreadsheets run a cell starting with = + - @ (and TAB/CR, which some strip first) as a
 * formula (OWASP "CSV injection"). Prefixing an apostrophe makes it text in Excel, LibreOffice
 * and Google Sheets; the apostrophe is not shown.
 */
export function escapeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
