import DOMPurify from "dompurify";
import MarkdownIt from "markdown-it";

/** A small allow-list: notes are prose, lists, emphasis, code and links; never HTML from the author. */
const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
];

/**
 * Bounds that keep rendering linear whatever a note holds. markdown-it (unlike marked, which
 * overflowed the stack on `>` x 10,000 and took ~50 s on `[a](` x 2,500) is built to stay linear
 * on CommonMark's pathological inputs; deeper structure than MAX_NESTING is kept as text, and a
 * body past MAX_MARKDOWN_CHARS (the server takes 10,000) is shown as plain text.
 */
export const MAX_NESTING = 20;
export const MAX_MARKDOWN_CHARS = 20_000;

const md = new MarkdownIt({ html: false, breaks: true, linkify: false });
// markdown-it reads it at parse time; its typings leave the option out.
Object.assign(md.options, { maxNesting: MAX_NESTING });
/** Link targets kept: web, mail, in-page and same-site paths. */
const SAFE_URI = /^(?:https?:|mailto:|#|\/)/i;
// Links with any URL are parsed as links, and one whose URL is not allowed loses its href here
// (and again in DOMPurify), so it shows as its text rather than as its Markdown source.
md.validateLink = () => true;
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const href = token?.attrGet("href");
  if (token && href !== null && href !== undefined && !SAFE_URI.test(href.trim())) {
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "href");
  }
  return self.renderToken(tokens, idx, options);
};

/** Bodies without any Markdown or HTML syntax, which can skip the parser and the sanitiser. */
const PLAIN = /^[^*_`#>[\]<&|~!\\\n-]*$/;
const MENTION = /(^|[\s(])@([\w][\w.'-]*)/g;

/**
 * Rendered bodies by text: a virtualised list mounts the same cards again while scrolling, and
 * DOMPurify is the costly part of a card.
 */
const rendered = new Map<string, string>();
const MAX_CACHED = 5000;

/** Markdown to sanitised HTML (cached); `@handles` become highlighted chips after sanitising. */
export function renderMarkdown(body: string): string {
  const hit = rendered.get(body);
  if (hit !== undefined) return hit;
  // Handles like @sound_designer contain "_" but are not emphasis.
  const plain = PLAIN.test(body.replace(/@[\w.'-]+/g, "")) && !/\d+\.\s/.test(body);
  let html: string;
  try {
    html = plain || body.length > MAX_MARKDOWN_CHARS ? plainText(body) : renderFull(body);
  } catch {
    html = plainText(body);
  }
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(body, html);
  return html;
}

/** The body as escaped text with line breaks and mention chips: the fallback for anything odd. */
export function plainText(body: string): string {
  const escaped = body
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  // Escaped text has no markup for a chip to land inside.
  const chips = escaped.replace(MENTION, (_m, pre: string, handle: string) => `${pre}${chipHtml(handle)}`);
  return `<p>${chips.replace(/\n/g, "<br>")}</p>`;
}

function chipHtml(handle: string): string {
  return `<span class="mention">@${handle}</span>`;
}

function renderFull(body: string): string {
  // No `class` (nor any attribute but links'): the only class in a body is the mention chip,
  // added below to the sanitised tree, so an author cannot dress text up as the app's buttons.
  const fragment = DOMPurify.sanitize(md.render(body), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "title"],
    ALLOWED_URI_REGEXP: SAFE_URI,
    RETURN_DOM_FRAGMENT: true,
  });
  addMentionChips(fragment);
  const box = document.createElement("div");
  box.appendChild(fragment);
  return box.innerHTML;
}

/** Wraps `@handle`s of text nodes (never attribute values) in chip elements. */
function addMentionChips(root: DocumentFragment): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const value = text.data;
    MENTION.lastIndex = 0;
    if (!MENTION.test(value)) continue;
    MENTION.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const m of value.matchAll(MENTION)) {
      const start = (m.index ?? 0) + (m[1] ?? "").length;
      parts.append(value.slice(last, start));
      const chip = document.createElement("span");
      chip.className = "mention";
      chip.textContent = `@${m[2]}`;
      parts.append(chip);
      last = start + 1 + (m[2] ?? "").length;
    }
    parts.append(value.slice(last));
    text.replaceWith(parts);
  }
}
