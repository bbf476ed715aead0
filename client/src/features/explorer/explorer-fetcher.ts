import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { type Client, createClient } from "graphql-ws";

/** The Authorization value from GraphiQL's headers editor, whatever case the author typed it in. */
export function authorizationOf(headers: Record<string, unknown> | undefined): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === "authorization" && typeof value === "string") return value;
  }
  return undefined;
}

/**
 * GraphiQL sends the headers editor with every HTTP request, but a WebSocket authenticates once, in
 * connection_init. So subscriptions get one graphql-ws client per Authorization value: pasting a
 * different token opens a socket that carries it, and the previous socket is closed.
 */
export function createExplorerFetcher(httpUrl: string, wsUrl: string): Fetcher {
  let current: { authorization: string | undefined; ws: Client; fetcher: Fetcher } | null = null;
  return (params, opts) => {
    const authorization = authorizationOf(opts?.headers);
    if (!current || current.authorization !== authorization) {
      current?.ws.dispose();
      const ws = createClient({
        url: wsUrl,
        connectionParams: authorization ? { authorization } : {},
        retryAttempts: 0,
      });
      current = { authorization, ws, fetcher: createGraphiQLFetcher({ url: httpUrl, wsClient: ws }) };
    }
    // The session cookie counts only with this header, which a cross-site page cannot send (CSRF).
    const headers = { ...opts?.headers, "x-greenlight-csrf": "1" };
    return current.fetcher(params, { ...opts, headers });
  };
}
