import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import { blueRevision } from "../seed/seed-data.js";
import { changedLines, diffScripts } from "./script-diff.js";
import { remapScriptSpan } from "./script-remap.js";
import { cpuMs } from "../test/cpu-time.js";

const { UNCHANGED, MOVED, TEXT_CHANGED, LINES_REMOVED } = CarryOutcome;
const { LINE_DIFF, QUOTE_MATCH } = CarryMethod;

// A small scene; each fixture below is one real rewrite of it.
const BASE = [
  "INT. KITCHEN - NIGHT", //  1
  "", //  2
  "Rain hammers the window.", //  3
  "", //  4
  "MARA", //  5
  "You came back.", //  6
  "", //  7
  "JONAS", //  8
  "I never left.", //  9
  "", // 10
  "EXT. ROOF - DAY", // 11
  "", // 12
  "Pigeons scatter.", // 13
].join("\n");

const edit = (f: (lines: string[]) => void, eol = "\n") => {
  const lines = BASE.split("\n");
  f(lines);
  return lines.join(eol);
};

type Expected = [
  lineStart: number,
  lineEnd: number,
  outcome: CarryOutcome,
  method: CarryMethod,
  quote: string,
];

const FIXTURES: [name: string, next: string, old: [number, number], expected: Expected][] = [
  ["no change", BASE, [6, 6], [6, 6, UNCHANGED, LINE_DIFF, "You came back."]],
  [
    "CR-only line ends, same text",
    BASE.split("\n").join("\r"),
    [8, 9],
    [8, 9, UNCHANGED, LINE_DIFF, "JONAS\nI never left."],
  ],
  [
    "two lines inserted above",
    edit((l) => l.splice(2, 0, "Thunder.", "")),
    [6, 6],
    [8, 8, MOVED, LINE_DIFF, "You came back."],
  ],
  [
    "lines deleted above",
    edit((l) => l.splice(2, 2)),
    [8, 9],
    [6, 7, MOVED, LINE_DIFF, "JONAS\nI never left."],
  ],
  [
    "the anchored line edited",
    edit((l) => l.splice(5, 1, "You came back. Why?")),
    [6, 6],
    [6, 6, TEXT_CHANGED, LINE_DIFF, "You came back. Why?"],
  ],
  [
    "a line inserted inside the range",
    edit((l) => l.splice(8, 0, "(quietly)")),
    [8, 9],
    [8, 10, TEXT_CHANGED, LINE_DIFF, "JONAS\n(quietly)\nI never left."],
  ],
  ["half of the range deleted", edit((l) => l.splice(5, 1)), [5, 6], [5, 5, TEXT_CHANGED, LINE_DIFF, "MARA"]],
  [
    "the anchored lines deleted",
    edit((l) => l.splice(4, 3)),
    [5, 6],
    [5, 5, LINES_REMOVED, LINE_DIFF, "MARA\nYou came back."],
  ],
  [
    "the anchored line replaced by unrelated text",
    edit((l) => l.splice(2, 1, "Silence.")),
    [3, 3],
    [5, 5, LINES_REMOVED, LINE_DIFF, "Rain hammers the window."],
  ],
  [
    "the roof scene moved before the kitchen",
    ["EXT. ROOF - DAY", "", "Pigeons scatter.", "", ...BASE.split("\n").slice(0, 10)].join("\n"),
    [13, 13],
    [3, 3, MOVED, QUOTE_MATCH, "Pigeons scatter."],
  ],
  [
    "the roof scene moved and its line edited",
    ["EXT. ROOF - DAY", "", "Pigeons scatter at once.", "", ...BASE.split("\n").slice(0, 10)].join("\n"),
    [13, 13],
    [3, 3, TEXT_CHANGED, QUOTE_MATCH, "Pigeons scatter at once."],
  ],
];

describe("script re-anchoring fixtures", () => {
  it.each(FIXTURES)("%s", (_name, next, [s, e], [lineStart, lineEnd, outcome, method, quote]) => {
    const d = diffScripts(BASE, next);
    const m = remapScriptSpan(d, { lineStart: s, lineEnd: e });
    expect({ ...m.anchor, outcome: m.outcome, method: m.method }).toEqual({
      type: "SCRIPT",
      lineStart,
      lineEnd,
      quote,
      outcome,
      method,
    });
  });

  it("says what happened in words", () => {
    const moved = remapScriptSpan(
      diffScripts(
        BASE,
        edit((l) => l.splice(2, 0, "Thunder.", "")),
      ),
      {
        lineStart: 6,
        lineEnd: 6,
      },
    );
    expect(moved.detail).toBe("moved from line 6");
    const gone = remapScriptSpan(
      diffScripts(
        BASE,
        edit((l) => l.splice(4, 3)),
      ),
      { lineStart: 5, lineEnd: 6 },
    );
    expect(gone.detail).toBe("lines 5–6 removed; nearest surviving line 5");
  });
});

describe("the demo pilot, White to Blue", () => {
  const white = readFileSync(new URL("../seed/pilot.fountain", import.meta.url), "utf8");
  const blue = blueRevision(white);
  const d = diffScripts(white, blue);
  const line = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  // The report: a note on v1 line 95 was shown as "Line 95", blank in v2.
  it("moves the note on line 95 to the line its words are on", () => {
    expect(line(white, "Then let me show you how it's made.")).toBe(95);
    const m = remapScriptSpan(d, { lineStart: 95, lineEnd: 95 });
    expect([m.anchor.lineStart, m.outcome, m.anchor.quote]).toEqual([
      line(blue, "Then let me show you how it's made."),
      MOVED,
      "Then let me show you how it's made.",
    ]);
    expect(m.anchor.lineStart).toBe(94);
  });

  it("marks the Blue revision's changed lines, and only those", () => {
    expect(changedLines(d).map((n) => d.newLines[n - 1])).toEqual([
      "Draft date: Blue Revision",
      "Harsh. Accurate. Fair.",
      "Then we bake them a fortune they can't refuse.",
      "She's the complaint. She wants a sequel.",
      '"The answer is no until someone asks twice."',
      "I'm asking twice.",
    ]);
  });
});

describe("bounds", () => {
  it("maps 500 notes across two unrelated 20,000-line texts in bounded time", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of the first draft, with words.`).join(
      "\n",
    );
    const b = Array.from({ length: 20_000 }, (_, i) => `Row ${i * 7} of a rewrite entirely.`).join("\n");
    let d: ReturnType<typeof diffScripts> | undefined;
    const used = cpuMs(() => {
      d = diffScripts(a, b);
      for (let i = 0; i < 500; i++) remapScriptSpan(d, { lineStart: i * 40 + 1, lineEnd: i * 40 + 2 });
    });
    expect(d?.diffed).toBe(false);
    expect(used).toBeLessThan(5_000);
  });
});
