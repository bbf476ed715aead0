import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { useMemo } from "react";
import { env } from "../../../env";
import { getSession } from "../../auth/session";
import { createExplorerFetcher } from "../explorer-fetcher";

const DEFAULT_QUERY = `# Greenlight's API. Signed in to the app, your session is used; else paste an API token in Headers.
# Subscriptions run over the same graphql-ws endpoint the app uses.
{
  me {
    id
    name
  }
}
`;

/**
 * GraphiQL from the bundled `graphiql` package (no CDN), a chunk of its own loaded only on this route.
 * Headers are not persisted: a pasted token stays in this tab, not in localStorage.
 */
export function ExplorerPage() {
  const fetcher = useMemo(() => createExplorerFetcher(env.graphqlHttpUrl, env.graphqlWsUrl), []);
  // Signed in, the httpOnly session cookie authenticates (the page never sees the token itself).
  const headers = getSession()
    ? "{}"
    : JSON.stringify({ authorization: "Bearer <paste an API token>" }, null, 2);
  return (
    <div className="explorer" data-testid="explorer">
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={DEFAULT_QUERY}
        defaultHeaders={headers}
        defaultEditorToolsVisibility="headers"
        shouldPersistHeaders={false}
      />
    </div>
  );
}
