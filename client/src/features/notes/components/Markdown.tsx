import { memo, useMemo } from "react";
import { renderMarkdown } from "../lib/markdown";

/** A note or reply body: Markdown rendered, then sanitised by DOMPurify with a small allow-list. */
export const Markdown = memo(function Markdown({ body }: { body: string }) {
  const html = useMemo(() => renderMarkdown(body), [body]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: html comes from renderMarkdown, sanitised by DOMPurify
  return <div className="md" dangerouslySetInnerHTML={{ __html: html }} />;
});
