import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NESTING, renderMarkdown } from "./markdown";

// Issue 13, finding 4: `>` x 10,000 and `1. ` x 3,333 overflowed the stack (the cut page crashed
// for everyone opening the version); `[a](` x 2,500 froze the tab ~50 s; 8 KB took 16.9 s.
/** Per body, on the shared 2-core CI machine (happy-dom's DOM is slower than a browser's). */
const BUDGET_MS = 400;

function timed(body: string): { ms: number; html: string } {
  const started = performance.now();
  const html = renderMarkdown(body);
  return { ms: performance.now() - started, html };
}

const PATHOLOGICAL: Record<string, string> = {
  quotes: ">".repeat(10_000),
  ordered: "1. ".repeat(3_333),
  unclosedLinks: "[a](".repeat(2_500),
  brackets: `${"[".repeat(5_000)}a${"]".repeat(5_000)}`,
  emphasis: "*a **b ".repeat(1_400),
  backticks: `${"`".repeat(5_000)}a`,
  nestedLists: Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i % 60)}- x`).join("\n"),
  quotedLists: "> - 1. ".repeat(1_400),
  entities: "&#x".repeat(3_000),
  htmlish: "<a href='".repeat(1_500),
};

describe("renderMarkdown on pathological input", () => {
  for (const [name, body] of Object.entries(PATHOLOGICAL)) {
    it(`renders ${name} (${body.length} chars) within ${BUDGET_MS} ms`, () => {
      const { ms, html } = timed(body);
      expect(ms).toBeLessThan(BUDGET_MS);
      expect(html.length).toBeGreaterThan(0);
    });
  }

  it("nests no deeper than MAX_NESTING", () => {
    const html = renderMarkdown(">".repeat(10_000));
    const depth = html.split("<blockquote>").length - 1;
    expect(depth).toBeLessThanOrEqual(MAX_NESTING);
  });

  it("stays within budget on random bodies of Markdown's special characters (fuzz)", () => {
    const piece = fc.constantFrom(
      ">",
      "> ",
      "1. ",
      "- ",
      "* ",
      "[",
      "]",
      "(",
      ")",
      "](",
      "*",
      "**",
      "_",
      "`",
      "```",
      "~~",
      "<",
      "&",
      "\\",
      "!",
      "#",
      "\n",
      "  ",
      "a",
      "@sam",
      "http://x.y",
    );
    const body = fc
      .array(piece, { minLength: 1, maxLength: 4_000 })
      .map((parts) => parts.join("").slice(0, 10_000));
    let slowest = 0;
    fc.assert(
      fc.property(body, (b) => {
        const { ms, html } = timed(b);
        slowest = Math.max(slowest, ms);
        return ms < BUDGET_MS && !/<script|onerror=|javascript:/i.test(html);
      }),
      { numRuns: 150, seed: 13 },
    );
    console.log(`markdown fuzz: slowest of 150 random bodies ${slowest.toFixed(0)} ms`);
  });
});
