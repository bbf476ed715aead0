/**
 * The only reader of `import.meta.env`. Everything the client needs from its build environment is parsed
 * once here into a frozen object, so a wrong value fails loudly at start instead of deep inside a link.
 */
function httpUrl(): string {
  const raw = import.meta.env.VITE_GRAPHQL_URL as string | undefined;
  return raw && raw.length > 0 ? raw : "/graphql";
}

function wsUrl(http: string): string {
  const explicit = import.meta.env.VITE_GRAPHQL_WS_URL as string | undefined;
  if (explicit) return explicit;
  // Same origin as the page: the server (or Vite's proxy in dev) serves HTTP and WebSocket on one path.
  const base = typeof window === "undefined" ? "http://localhost/" : window.location.href;
  const url = new URL(http, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

const graphqlHttpUrl = httpUrl();

export const env = Object.freeze({
  graphqlHttpUrl,
  graphqlWsUrl: wsUrl(graphqlHttpUrl),
  isDev: import.meta.env.DEV,
  /** Presence updates per second at most (the server is told the playhead this often while playing). */
  presenceMaxPerSecond: 10,
});
