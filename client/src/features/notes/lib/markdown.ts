import DOMPurify from "dompurify";
import { marked } from "marked";

/** A small allow-list: notes are prose, lists, emphasis, code and links; never HTML from the author. */
const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "span",
];

/** Bodies without any Markdown or HTML syntax, which can skip the parser and the sanitiser. */
const PLAIN = /^[^*_`#>[\]<&|~!\\\n-]*$/;

/**
 * Rendered bodies by text: a virtualised list mounts the same cards again while scrolling, and
 * DOMPurify is the costly part of a card.
 */
const rendered = new Map<string, string>();
const MAX_CACHED = 5000;

/** Markdown to sanitised HTML (cached); `@handles` become highlighted chips. */
export function renderMarkdown(body: string): string {
  const hit = rendered.get(body);
  if (hit !== undefined) return hit;
  // Handles like @sound_designer contain "_" but are not emphasis.
  const plain = PLAIN.test(body.replace(/@[\w.'-]+/g, "")) && !/\d+\.\s/.test(body);
  const html = plain ? `<p>${mentionChips(body)}</p>` : renderFull(body);
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(body, html);
  return html;
}

function mentionChips(text: string): string {
  return text.replace(
    /(^|[\s>(])@([\w][\w.'-]*)/g,
    (_m, pre: string, handle: string) => `${pre}<span class="mention">@${handle}</span>`,
  );
}

function renderFull(body: string): string {
  const html = marked.parse(body, { async: false, gfm: true, breaks: true });
  const withMentions = mentionChips(html);
  return DOMPurify.sanitize(withMentions, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "title", "class"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/)/i,
  });
}
