import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { useMemo } from "react";
import { env } from "../../../env";
import { getSession } from "../../auth/session";
import { EXAMPLE_TABS } from "../explorer-examples";
import { createExplorerFetcher } from "../explorer-fetcher";

const DEFAULT_QUERY = `# Greenlight's API. Signed in to the app, your session is used; else paste an API token in Headers.
# Subscriptions run over the same graphql-ws endpoint the app uses.
# The other tabs are the examples of schema/examples (the tool guide, schema/README.md).
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
  // Used when this browser has no tab state saved yet (GraphiQL keeps the tabs in localStorage).
  const tabs = useMemo(
    () => [DEFAULT_QUERY, ...EXAMPLE_TABS.map((t) => t.query)].map((query) => ({ query, headers })),
    [headers],
  );
  return (
    <div className="explorer" data-testid="explorer">
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={DEFAULT_QUERY}
        defaultTabs={tabs}
        defaultHeaders={headers}
        defaultEditorToolsVisibility="headers"
        shouldPersistHeaders={false}
      />
    </div>
  );
}
