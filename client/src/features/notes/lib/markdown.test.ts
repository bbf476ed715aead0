import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

// Sanitisation itself is asserted in a real browser (tests/e2e): happy-dom's DOM is not faithful
// enough for DOMPurify. Here: the fast path for plain text, mention chips and the cache.
describe("renderMarkdown", () => {
  it("renders plain text without the parser, with mention chips", () => {
    expect(renderMarkdown("Lift the dialogue, @sam.sound and @sound_designer")).toBe(
      '<p>Lift the dialogue, <span class="mention">@sam.sound</span> and <span class="mention">@sound_designer</span></p>',
    );
  });

  it("sends anything with markup or HTML characters through Markdown and the sanitiser", () => {
    for (const body of ["**bold**", "a < b", "x & y", "- item", "1. first", "[l](https://x.y)", "`code`"]) {
      expect(renderMarkdown(body)).not.toBe(`<p>${body}</p>`);
    }
  });

  it("returns the cached rendering for a body seen before", () => {
    const a = renderMarkdown("Cached *body*");
    expect(renderMarkdown("Cached *body*")).toBe(a);
  });
});
