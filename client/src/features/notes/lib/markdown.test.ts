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

  it("keeps no author class or HTML: only the mention chip's class, added after sanitising", () => {
    const html = renderMarkdown(
      '**Approve** <button class="btn primary">Approve</button> <span class="mention">@x</span>',
    );
    expect(html).not.toMatch(/<button/);
    expect(html).not.toMatch(/<[a-z]+[^>]*\sclass=/); // the author's markup is shown as text
  });

  it("chips mentions in text only, never inside a link's attributes", () => {
    const html = renderMarkdown('See [the cut @sam](https://x.test/a "for @sam") and *@dana*');
    expect(html).toContain('title="for @sam"');
    expect(html).toContain('<span class="mention">@sam</span></a>');
    expect(html).toContain('<em><span class="mention">@dana</span></em>');
  });

  it("drops a script URL from a link (shown as its text), whatever the sanitiser does", () => {
    const html = renderMarkdown("Check [this](javascript:alert(1)) and [that]( JAVASCRIPT:x)");
    expect(html).toContain("Check <a>this</a> and <a>that</a>");
  });
});
