import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { useMemo } from "react";
import { env } from "../../../env";
import { getToken } from "../../auth/session";
import { createExplorerFetcher } from "../explorer-fetcher";

const DEFAULT_QUERY = `# Greenlight's API. Signed in, your token is in Headers below; else paste an API token there.
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
  const token = getToken();
  const headers = JSON.stringify({ authorization: `Bearer ${token ?? "<paste an API token>"}` }, null, 2);
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
