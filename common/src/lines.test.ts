import { describe, expect, it } from "vitest";
import { lineCount, quoteLines, splitLines } from "./lines.js";

describe("splitLines", () => {
  it.each([
    ["", []],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\nb", ["a", "b"]],
    ["a\r\nb\r\n", ["a", "b"]],
    ["a\rb\r", ["a", "b"]],
    ["a\n\n", ["a", ""]],
    ["\n", [""]],
    ["\r", [""]],
    ["\r\n", [""]],
    // "\n\r" is two line ends (LF then a lone CR), not one.
    ["a\n\rb", ["a", "", "b"]],
    ["a\r\r\nb", ["a", "", "b"]],
  ])("splits %j", (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
    expect(lineCount(text)).toBe(lines.length);
  });

  // The case: an old-Mac file was one line to the server and four to the client.
  const fountain = ["INT. LAB - NIGHT", "", "MAYA", "Now."];
  it.each([
    ["CR", "\r"],
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("counts a %s-only Fountain scene the same", (_name, eol) => {
    const text = fountain.join(eol) + eol;
    expect(splitLines(text)).toEqual(fountain);
    expect(lineCount(text)).toBe(4);
  });

  it("counts a mixed file line by line", () => {
    expect(splitLines("one\r\ntwo\rthree\nfour")).toEqual(["one", "two", "three", "four"]);
  });

  it("quotes lines joined with \\n", () => {
    const lines = splitLines("one\rtwo\rthree\r");
    expect(quoteLines(lines, 2, 3)).toBe("two\nthree");
    expect(quoteLines(lines, 1, 1)).toBe("one");
  });
});
