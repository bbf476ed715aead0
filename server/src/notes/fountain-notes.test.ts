import { splitLines } from "@greenlight/common/lines";
import { Fountain } from "fountain-js";
import { describe, expect, it } from "vitest";
import { type FountainNote, readFountainNotes, writeFountainNotes } from "./fountain-notes.js";

const SCRIPT = ["INT. LAB - NIGHT", "", "MAYA", "Roll it again.", "", "OTIS", "Not tonight.", "", "THE END"];

const note = (
  line: number,
  body: string,
  author: string | null = "Ada Okafor",
  status = "OPEN",
): FountainNote => ({
  line,
  body,
  author,
  status: author ? status : null,
});

describe("Fountain notes", () => {
  it.each(["\n", "\r\n", "\r"])("round-trips a script with its notes losslessly (%j line ends)", (eol) => {
    const text = SCRIPT.join(eol) + eol;
    const notes = [
      note(4, "Slower."),
      note(4, "Or cut it.", "Maya Chen", "IN_PROGRESS"),
      note(2, "A beat of silence here?"),
      note(9, "Two lines\nof thought."),
    ];
    const exported = writeFountainNotes(text, notes);
    expect(exported).toContain(
      "Roll it again. [[Ada Okafor (OPEN): Slower.]] [[Maya Chen (IN_PROGRESS): Or cut it.]]",
    );
    const back = readFountainNotes(exported);
    expect(back.text).toBe(text);
    const order = (ns: FountainNote[]) =>
      [...ns].sort((a, b) => a.line - b.line || a.body.localeCompare(b.body));
    expect(order(back.notes)).toEqual(order(notes));
  });

  it("is read by an independent Fountain parser (fountain-js) with the same elements and the notes", () => {
    const text = `${SCRIPT.join("\n")}\n`;
    const exported = writeFountainNotes(text, [note(4, "Slower."), note(9, "End on black")]);
    const elements = (src: string) =>
      new Fountain()
        .parse(src, true)
        .tokens.filter((t) => t.type !== "note")
        .map((t) => [t.type, (t.text ?? "").replace(/ ?\[\[[\s\S]*?\]\]/g, "")]);
    expect(elements(exported)).toEqual(elements(text));
    const html = new Fountain().parse(exported, true).html.script;
    expect(html).toContain("<!-- Ada Okafor (OPEN): Slower. -->");
    expect(html).toContain("<!-- Ada Okafor (OPEN): End on black -->");
  });

  it("imports a writer's own notes: inline ones stay on their line, whole-line ones go to the line before", () => {
    const source = [
      "INT. LAB - NIGHT",
      "",
      "MAYA",
      "Roll it. [[too flat]]",
      "[[Note for the room: pace]]",
      "THE END",
    ].join("\r");
    const { text, notes } = readFountainNotes(source);
    expect(splitLines(text)).toEqual(["INT. LAB - NIGHT", "", "MAYA", "Roll it.", "THE END"]);
    expect(notes).toEqual([
      { line: 4, body: "too flat", author: null, status: null },
      { line: 4, body: "Note for the room: pace", author: null, status: null },
    ]);
  });

  it("reads a note spanning lines as one note", () => {
    const { text, notes } = readFountainNotes("MAYA\nGo. [[first\nsecond]]\nEND\n");
    expect(text).toBe("MAYA\nGo.\nEND\n");
    expect(notes).toEqual([{ line: 2, body: "first\nsecond", author: null, status: null }]);
  });
});
