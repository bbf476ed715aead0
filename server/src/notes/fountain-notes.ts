import { splitLines } from "@greenlight/common/lines";

/** A note as Fountain holds it: `[[Author (STATUS): body]]` at the end of its line. */
export interface FountainNote {
  /** 1-based line of the text without notes. */
  line: number;
  body: string;
  author: string | null;
  status: string | null;
}

const NOTE = /\[\[([\s\S]*?)\]\]/g;
const EXPORTED = /^(.+?) \((OPEN|IN_PROGRESS|RESOLVED|WONT_FIX)\): ([\s\S]*)$/;

/**
 * Writes a script's notes into its Fountain text, each at the end of its line as
 * ` [[Author (STATUS): body]]`, so `readFountainNotes` gives back the same text and notes. Line
 * ends are kept as they are; "]]" inside a body would close the note early and becomes "] ]".
 */
export function writeFountainNotes(text: string, notes: readonly FountainNote[]): string {
  const byLine = new Map<number, FountainNote[]>();
  for (const n of notes) byLine.set(n.line, [...(byLine.get(n.line) ?? []), n]);
  const parts = text.split(/(\r\n|\r|\n)/);
  // parts alternates line, line end, line, ...: line i (1-based) is parts[2(i-1)].
  for (const [line, list] of byLine) {
    const at = 2 * (line - 1);
    if (parts[at] === undefined) continue;
    const written = list.map((n) => {
      const body = n.body.replace(/\]\]/g, "] ]");
      return n.author && n.status ? ` [[${n.author} (${n.status}): ${body}]]` : ` [[${body}]]`;
    });
    parts[at] += written.join("");
  }
  return parts.join("");
}

/**
 * Takes the `[[notes]]` out of a Fountain text: the text without them (a line that held only a
 * note, from its first character, is removed with its line end) and each note on the line it was
 * on (a removed line's note goes to the line before it).
 */
export function readFountainNotes(source: string): { text: string; notes: FountainNote[] } {
  const parts = source.split(/(\r\n|\r|\n)/);
  const kept: string[] = [];
  const notes: FountainNote[] = [];
  let pending = "";
  // Brackets counted per source line and summed, so an unterminated `[[` costs linear time, not a
  // rescan of the joined text at every line.
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < parts.length; i += 2) {
    // A note may span lines: join lines until its brackets close.
    const part = parts[i] ?? "";
    const line = pending ? `${pending}${parts[i - 1] ?? ""}${part}` : part;
    opens += occurrences(part, "[[");
    closes += occurrences(part, "]]");
    if (opens > closes && i + 2 < parts.length) {
      pending = line;
      continue;
    }
    pending = "";
    opens = 0;
    closes = 0;
    const found = [...line.matchAll(NOTE)].map((m) => m[1] ?? "");
    if (found.length === 0) {
      kept.push(line, parts[i + 1] ?? "");
      continue;
    }
    const stripped = line.replace(/ ?\[\[[\s\S]*?\]\]/g, "");
    const wholeLine = stripped.trim() === "" && /^\[\[/.test(line);
    if (!wholeLine) kept.push(stripped, parts[i + 1] ?? "");
    // The line just kept, or for a removed line the one before it.
    const lineNo = Math.max(1, kept.length / 2);
    for (const raw of found) notes.push({ line: lineNo, ...parse(raw) });
  }
  const text = kept.join("");
  const count = splitLines(text).length;
  return { text, notes: notes.map((n) => ({ ...n, line: Math.min(n.line, Math.max(1, count)) })) };
}

function parse(raw: string): Omit<FountainNote, "line"> {
  const m = EXPORTED.exec(raw);
  if (m) return { author: m[1] ?? null, status: m[2] ?? null, body: m[3] ?? "" };
  return { author: null, status: null, body: raw.trim() };
}

function occurrences(s: string, token: string): number {
  return s.length < token.length ? 0 : s.split(token).length - 1;
}
