import { Component, memo, type ReactNode, useMemo } from "react";
import { renderMarkdown } from "../lib/markdown";

/** A note or reply body: Markdown rendered, then sanitised by DOMPurify with a small allow-list. */
export const Markdown = memo(function Markdown({ body }: { body: string }) {
  return (
    <BodyBoundary body={body}>
      <RenderedBody body={body} />
    </BodyBoundary>
  );
});

function RenderedBody({ body }: { body: string }) {
  const html = useMemo(() => renderMarkdown(body), [body]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: html comes from renderMarkdown, sanitised by DOMPurify
  return <div className="md" dangerouslySetInnerHTML={{ __html: html }} />;
}

interface BoundaryProps {
  body: string;
  children: ReactNode;
}

/**
 * One note whose rendering throws shows as plain text instead of taking the page down for
 * everyone who opens the version (a crafted body once did).
 */
class BodyBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(prev: BoundaryProps): void {
    if (prev.body !== this.props.body && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="md md-plain">
        <p>{this.props.body}</p>
      </div>
    );
  }
}
