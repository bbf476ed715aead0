/**
 * Script line rules of the contract: lines are split on "\n", a "\r\n" counts as "\n", and a final
 * newline does not start another line. Lines are 1-based.
 */
export function scriptLines(text: string): string[] {
  if (text.length === 0) return [];
  const normalised = text.replace(/\r\n/g, "\n");
  const body = normalised.endsWith("\n") ? normalised.slice(0, -1) : normalised;
  return body.split("\n");
}

export function lineCountOf(text: string): number {
  return scriptLines(text).length;
}

/** The quote of lines lineStart..lineEnd (1-based, inclusive), joined with "\n". */
export function quoteLines(lines: readonly string[], lineStart: number, lineEnd: number): string {
  return lines.slice(lineStart - 1, lineEnd).join("\n");
}
