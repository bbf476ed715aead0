import { describe, expect, it } from "vitest";
import { lineCountOf, quoteLines, scriptLines } from "./script-lines.js";

describe("script lines", () => {
  it.each([
    ["", []],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\nb", ["a", "b"]],
    ["a\r\nb\r\n", ["a", "b"]],
    ["a\n\n", ["a", ""]],
    ["\n", [""]],
    ["a\rb", ["a\rb"]],
    [
      "INT. LAB - NIGHT\r\n\r\nMAYA\n(whispering)\nNow.\n",
      ["INT. LAB - NIGHT", "", "MAYA", "(whispering)", "Now."],
    ],
  ])("splits %j", (text, lines) => {
    expect(scriptLines(text)).toEqual(lines);
    expect(lineCountOf(text)).toBe(lines.length);
  });

  it("quotes lines joined with \\n", () => {
    const lines = scriptLines("one\r\ntwo\r\nthree\r\n");
    expect(quoteLines(lines, 2, 3)).toBe("two\nthree");
    expect(quoteLines(lines, 1, 1)).toBe("one");
  });
});
