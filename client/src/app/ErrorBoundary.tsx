import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  /** Resets the boundary when it changes (the route), so navigating away recovers. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  key: string | undefined;
}

/** Catches render errors so a broken screen never leaves a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Screen crashed", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page" role="alert">
        <div className="card stack">
          <h2>This screen hit a problem</h2>
          <p className="muted">{this.state.error.message}</p>
          <div className="row">
            <button type="button" className="btn primary" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
            <a className="btn" href="/">
              Back to productions
            </a>
          </div>
        </div>
      </div>
    );
  }
}
