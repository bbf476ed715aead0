import { describe, expect, it } from "vitest";
import { splitLines } from "@greenlight/common/lines";
import { paginate, parseFountain, parseInline, type ScriptLine } from "./parse";

const sample = [
  "Title: The Long Night",
  "Credit: Written by",
  "Author: A. Writer",
  "",
  "INT. KITCHEN - NIGHT #12A#",
  "",
  "Rain hammers the window.",
  "",
  "MARA (V.O.)",
  "(quietly)",
  "You came back.",
  "",
  "JONAS ^",
  "I never left.",
  "",
  "CUT TO:",
  "",
  ".FLASHBACK",
  "",
  "> THE END <",
  "",
  "> SMASH CUT TO:",
  "",
  "[[Check the rain sound with post]]",
  "/* a cut scene",
  "nobody sees */",
  "===",
  "EXT. ROOF - DAY",
  "",
  "!ALL CAPS ACTION",
  "",
].join("\n");

function byLine(lines: readonly ScriptLine[], n: number): ScriptLine {
  const found = lines.find((l) => l.line === n);
  if (!found) throw new Error(`no line ${n}`);
  return found;
}

describe("line endings", () => {
  // The case: an old-Mac (CR-only) file must be as many lines here as on the server.
  it.each(["\r", "\r\n", "\n"])("parses %j line ends to the same lines", (eol) => {
    const parsed = parseFountain(sample.split("\n").join(eol));
    expect(parsed.lines.map((l) => [l.line, l.type, l.text])).toEqual(
      parseFountain(sample).lines.map((l) => [l.line, l.type, l.text]),
    );
    expect(parsed.lines).toHaveLength(splitLines(sample).length);
  });
});

describe("parseFountain", () => {
  const parsed = parseFountain(sample);

  it("keeps one entry per source line, numbered from 1", () => {
    expect(parsed.lines.map((l) => l.line)).toEqual(splitLines(sample).map((_, i) => i + 1));
  });

  it("reads the title page", () => {
    expect(parsed.title.map((l) => [l.titleKey, l.text])).toEqual([
      ["Title", "The Long Night"],
      ["Credit", "Written by"],
      ["Author", "A. Writer"],
    ]);
  });

  it("finds scene headings with forced and running scene numbers", () => {
    expect(byLine(parsed.lines, 5)).toMatchObject({
      type: "scene",
      text: "INT. KITCHEN - NIGHT",
      sceneNumber: "12A",
    });
    expect(byLine(parsed.lines, 18)).toMatchObject({ type: "scene", text: "FLASHBACK" });
  });

  it("reads character cues, parentheticals and dialogue", () => {
    expect(byLine(parsed.lines, 9)).toMatchObject({ type: "character", text: "MARA (V.O.)" });
    expect(byLine(parsed.lines, 10)).toMatchObject({ type: "parenthetical", text: "(quietly)" });
    expect(byLine(parsed.lines, 11)).toMatchObject({ type: "dialogue", text: "You came back." });
    expect(byLine(parsed.lines, 13)).toMatchObject({ type: "character", text: "JONAS", dual: true });
  });

  it("reads transitions, forced transitions and centered text", () => {
    expect(byLine(parsed.lines, 16)).toMatchObject({ type: "transition", text: "CUT TO:" });
    expect(byLine(parsed.lines, 20)).toMatchObject({ type: "centered", text: "THE END" });
    expect(byLine(parsed.lines, 22)).toMatchObject({ type: "transition", text: "SMASH CUT TO:" });
  });

  it("reads notes, boneyard, page breaks and forced action", () => {
    expect(byLine(parsed.lines, 24)).toMatchObject({ type: "note", text: "Check the rain sound with post" });
    expect(byLine(parsed.lines, 25).type).toBe("boneyard");
    expect(byLine(parsed.lines, 26).type).toBe("boneyard");
    expect(byLine(parsed.lines, 27).type).toBe("page-break");
    expect(byLine(parsed.lines, 28)).toMatchObject({ type: "scene", text: "EXT. ROOF - DAY" });
    expect(byLine(parsed.lines, 30)).toMatchObject({ type: "action", text: "ALL CAPS ACTION" });
  });

  it("does not take an uppercase line before a blank line for a character", () => {
    const p = parseFountain("\nBOOM.\n\nAction.");
    expect(byLine(p.lines, 2).type).toBe("action");
  });

  it("breaks pages at === and carries on numbering", () => {
    expect(parsed.pages.length).toBe(2);
    expect(parsed.pages[1]?.lines[0]?.line).toBe(28);
  });
});

describe("paginate", () => {
  const action = (n: number): ScriptLine => ({ line: n, type: "action", text: "x" });
  it("fills about 55 printed lines per page", () => {
    const lines = Array.from({ length: 120 }, (_, i) => action(i + 1));
    const pages = paginate(lines);
    expect(pages.map((p) => p.lines.length)).toEqual([55, 55, 10]);
  });

  it("never leaves a scene heading or character cue at the bottom of a page", () => {
    const lines: ScriptLine[] = Array.from({ length: 54 }, (_, i) => action(i + 1));
    lines.push({ line: 55, type: "character", text: "MARA" }, { line: 56, type: "dialogue", text: "Hi." });
    const pages = paginate(lines);
    expect(pages[0]?.lines.at(-1)?.line).toBe(54);
    expect(pages[1]?.lines[0]?.type).toBe("character");
  });

  it("counts long lines by their wrapped height", () => {
    const long: ScriptLine = { line: 1, type: "action", text: "y".repeat(61 * 3) };
    const pages = paginate([long, ...Array.from({ length: 53 }, (_, i) => action(i + 2))]);
    expect(pages.length).toBe(2);
  });
});

describe("parseInline", () => {
  it("parses emphasis and inline notes", () => {
    expect(parseInline("a **b** *c* _d_ [[e]]")).toEqual([
      { text: "a " },
      { text: "b", bold: true },
      { text: " " },
      { text: "c", italic: true },
      { text: " " },
      { text: "d", underline: true },
      { text: " " },
      { text: "e", note: true },
    ]);
  });
});
