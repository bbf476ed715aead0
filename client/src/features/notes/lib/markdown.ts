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

/** Markdown to sanitised HTML; `@handles` become highlighted chips. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, { async: false, gfm: true, breaks: true });
  const withMentions = html.replace(
    /(^|[\s>(])@([\w][\w.-]*)/g,
    (_m, pre: string, handle: string) => `${pre}<span class="mention">@${handle}</span>`,
  );
  return DOMPurify.sanitize(withMentions, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "title", "class"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/)/i,
  });
}
