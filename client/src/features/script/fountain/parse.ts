/**
 * A small Fountain (fountain.io) parser for the script review screen.
 *
 * It works line by line and keeps every source line (1-based, split by `splitLines` from
 * `@greenlight/common/lines`, the function the API's note anchors use), so a selection in the
 * rendered screenplay maps straight back to `lineStart..lineEnd`.
 */
import { splitLines } from "@greenlight/common/lines";

export type LineType =
  | "title"
  | "scene"
  | "action"
  | "character"
  | "parenthetical"
  | "dialogue"
  | "transition"
  | "centered"
  | "lyrics"
  | "note"
  | "section"
  | "synopsis"
  | "page-break"
  | "boneyard"
  | "blank";

export interface ScriptLine {
  /** 1-based source line number. */
  readonly line: number;
  readonly type: LineType;
  /** Display text with Fountain's forcing marks removed. */
  readonly text: string;
  /** Scene headings: the forced number (`#12A#`) or the running count. */
  readonly sceneNumber?: string;
  /** Character cue with `^`: the second speaker of dual dialogue. */
  readonly dual?: boolean;
  /** For title page lines: the key ("Title", "Credit", ...). */
  readonly titleKey?: string;
}

export interface ScriptPage {
  readonly number: number;
  readonly lines: readonly ScriptLine[];
}

export interface ParsedScript {
  readonly lines: readonly ScriptLine[];
  readonly title: readonly ScriptLine[];
  readonly pages: readonly ScriptPage[];
}

const SCENE_RE = /^(?:INT|EXT|EST|INT\.?\/EXT|INT\.\/EXT|I\/E)[.\s]/i;
const TITLE_KEY_RE = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/;
const SCENE_NUMBER_RE = /\s*#([\w.-]+)#\s*$/;

const isBlank = (s: string | undefined) => s === undefined || s.trim() === "";

function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** Uppercase apart from a trailing parenthetical extension like "(cont'd)" which may be lowercase. */
function isCharacterCue(s: string): boolean {
  const name = s.replace(/\s*\(.*\)\s*$/, "").replace(/\s*\^$/, "");
  return hasLetters(name) && name === name.toUpperCase() && !/^[^\p{L}]*$/u.test(name);
}

function sceneHeading(raw: string): { text: string; number?: string } | null {
  const t = raw.trim();
  let body: string | null = null;
  if (t.startsWith(".") && !t.startsWith("..") && t.length > 1) body = t.slice(1);
  else if (SCENE_RE.test(t)) body = t;
  if (body === null) return null;
  const m = SCENE_NUMBER_RE.exec(body);
  if (m) return { text: body.slice(0, m.index).trim().toUpperCase(), number: m[1] };
  return { text: body.trim().toUpperCase() };
}

/** Parses the title page: `Key: value` lines (and indented continuations) before the first blank line. */
function parseTitle(lines: readonly string[]): ScriptLine[] {
  const first = lines[0];
  if (first === undefined || !TITLE_KEY_RE.test(first) || SCENE_RE.test(first)) return [];
  const out: ScriptLine[] = [];
  let key = "";
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (isBlank(raw)) break;
    const m = TITLE_KEY_RE.exec(raw);
    if (m && !/^\s/.test(raw)) {
      key = (m[1] ?? "").trim();
      out.push({ line: i + 1, type: "title", titleKey: key, text: (m[2] ?? "").trim() });
    } else {
      out.push({ line: i + 1, type: "title", titleKey: key, text: raw.trim() });
    }
  }
  return out;
}

export function parseFountain(source: string): ParsedScript {
  const raw = splitLines(source);
  const title = parseTitle(raw);
  const lines: ScriptLine[] = [...title];
  let inDialogue = false;
  let inBoneyard = false;
  let sceneCount = 0;

  for (let i = title.length; i < raw.length; i++) {
    const lineNo = i + 1;
    const text = raw[i] ?? "";
    const trimmed = text.trim();
    const prev = lines[lines.length - 1];
    // A page break or a closed boneyard separates elements the way a blank line does.
    const prevBlank = !prev || ["blank", "page-break", "boneyard", "title"].includes(prev.type);
    const nextBlank = isBlank(raw[i + 1]);
    const push = (type: LineType, display: string, extra: Partial<ScriptLine> = {}) =>
      lines.push({ line: lineNo, type, text: display, ...extra });

    // Boneyard: /* ... */ hides everything in between, possibly across lines.
    if (inBoneyard) {
      if (trimmed.includes("*/")) inBoneyard = false;
      push("boneyard", text);
      continue;
    }
    if (trimmed.startsWith("/*")) {
      if (!trimmed.includes("*/")) inBoneyard = true;
      push("boneyard", text);
      continue;
    }

    if (trimmed === "") {
      // Two spaces alone keep a dialogue block going (Fountain's deliberate empty line).
      if (inDialogue && text === "  ") {
        push("dialogue", "");
        continue;
      }
      inDialogue = false;
      push("blank", "");
      continue;
    }

    if (inDialogue) {
      if (/^\(.*\)$/.test(trimmed)) push("parenthetical", trimmed);
      else push("dialogue", trimmed);
      continue;
    }

    if (/^={3,}$/.test(trimmed)) {
      push("page-break", "");
      continue;
    }
    if (trimmed.startsWith("[[") && trimmed.endsWith("]]")) {
      push("note", trimmed.slice(2, -2).trim());
      continue;
    }
    if (trimmed.startsWith("#")) {
      push("section", trimmed.replace(/^#+\s*/, ""));
      continue;
    }
    if (trimmed.startsWith("=")) {
      push("synopsis", trimmed.replace(/^=\s*/, ""));
      continue;
    }
    if (trimmed.startsWith("~")) {
      push("lyrics", trimmed.replace(/^~\s*/, ""));
      continue;
    }
    if (trimmed.startsWith("!")) {
      push("action", text.replace(/^(\s*)!/, "$1"));
      continue;
    }
    if (trimmed.startsWith(">") && trimmed.endsWith("<")) {
      push("centered", trimmed.slice(1, -1).trim());
      continue;
    }
    if (trimmed.startsWith(">")) {
      push("transition", trimmed.slice(1).trim().toUpperCase());
      continue;
    }
    if (prevBlank) {
      const heading = sceneHeading(text);
      if (heading && nextBlank) {
        sceneCount += 1;
        push("scene", heading.text, { sceneNumber: heading.number ?? String(sceneCount) });
        continue;
      }
      if (nextBlank && /TO:$/.test(trimmed) && trimmed === trimmed.toUpperCase()) {
        push("transition", trimmed);
        continue;
      }
      const forcedCharacter = trimmed.startsWith("@");
      if (!nextBlank && (forcedCharacter || isCharacterCue(trimmed))) {
        let name = forcedCharacter ? trimmed.slice(1).trim() : trimmed;
        const dual = name.endsWith("^");
        if (dual) name = name.slice(0, -1).trim();
        push("character", name, dual ? { dual } : {});
        inDialogue = true;
        continue;
      }
    }
    // Action keeps its indentation (tabs become four spaces) because writers use it for layout.
    push("action", text.replace(/\t/g, "    ").trimEnd());
  }

  return { lines, title, pages: paginate(lines.slice(title.length)) };
}

/** Printed width in characters of each element on a US Letter page at Courier 12pt. */
const WIDTH: Partial<Record<LineType, number>> = {
  action: 61,
  scene: 61,
  character: 38,
  dialogue: 35,
  parenthetical: 26,
  transition: 61,
  centered: 61,
  lyrics: 35,
  note: 61,
};

export const LINES_PER_PAGE = 55;

/** How many printed lines an element takes; hidden elements take none. */
export function printedHeight(line: ScriptLine): number {
  if (
    line.type === "boneyard" ||
    line.type === "section" ||
    line.type === "synopsis" ||
    line.type === "page-break"
  )
    return 0;
  const width = WIDTH[line.type] ?? 61;
  return Math.max(1, Math.ceil(line.text.length / width));
}

/**
 * Breaks lines into pages of ~55 printed lines. A scene heading or character cue never ends a page
 * (it moves to the next one with what follows), and forced page breaks (`===`) are honoured.
 */
export function paginate(lines: readonly ScriptLine[], perPage = LINES_PER_PAGE): ScriptPage[] {
  const pages: ScriptPage[] = [];
  let current: ScriptLine[] = [];
  let used = 0;
  const flush = () => {
    // Leading blank lines at the top of a page are dropped from the count but kept for line mapping.
    pages.push({ number: pages.length + 1, lines: current });
    current = [];
    used = 0;
  };
  for (const line of lines) {
    if (line.type === "page-break") {
      current.push(line);
      flush();
      continue;
    }
    const h = line.type === "blank" && used === 0 ? 0 : printedHeight(line);
    if (used + h > perPage && current.length > 0) {
      // Carry trailing headings/cues (and blanks after them) over so they stay with their content.
      const carry: ScriptLine[] = [];
      while (current.length > 0) {
        const last = current[current.length - 1];
        if (!last || !(last.type === "scene" || last.type === "character" || last.type === "blank")) break;
        carry.unshift(last);
        current.pop();
        if (last.type !== "blank") break;
      }
      if (current.length === 0) {
        current = carry;
        flush();
      } else {
        flush();
        current = carry;
        used = carry.reduce((n, l) => n + printedHeight(l), 0);
      }
    }
    current.push(line);
    used += h;
  }
  if (current.length > 0 || pages.length === 0) flush();
  return pages;
}

export interface InlineSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly note?: boolean;
}

/** Fountain emphasis (`***bold italic***`, `**bold**`, `*italic*`, `_underline_`) and inline `[[notes]]`. */
export function parseInline(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const re = /\[\[(.+?)\]\]|\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) spans.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ text: m[1], note: true });
    else if (m[2] !== undefined) spans.push({ text: m[2], bold: true, italic: true });
    else if (m[3] !== undefined) spans.push({ text: m[3], bold: true });
    else if (m[4] !== undefined) spans.push({ text: m[4], italic: true });
    else if (m[5] !== undefined) spans.push({ text: m[5], underline: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans.map((s) => (s.note ? s : { ...s, text: s.text.replace(/\\([*_])/g, "$1") }));
}
