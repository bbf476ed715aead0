/**
 * How a script's text is cut into lines, for the server (anchors, line counts, re-anchoring) and the
 * client (the screenplay view, selections) alike: "\r\n", a lone "\r" (old Mac) and "\n" each end a
 * line, a final line end does not start another line, and an empty text has no lines. Lines are
 * 1-based wherever they are numbered.
 */
const LINE_END = /\r\n|\r|\n/;

export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(LINE_END);
  // A text ending in a line end splits into a trailing "": that is not a line.
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function lineCount(text: string): number {
  return splitLines(text).length;
}

/** The text of lines lineStart..lineEnd (1-based, inclusive), joined with "\n" whatever the source used. */
export function quoteLines(lines: readonly string[], lineStart: number, lineEnd: number): string {
  return lines.slice(lineStart - 1, lineEnd).join("\n");
}
