import { ApolloClient } from "@apollo/client";
import { createCache } from "./cache";
import { createLink, createWsClient } from "./links";

export interface AppClient {
  readonly apollo: ApolloClient;
  /** Closes the socket; a new session gets a new client so no subscription outlives its token. */
  dispose(): void;
}

export function createAppClient(): AppClient {
  const ws = createWsClient();
  const apollo = new ApolloClient({
    cache: createCache(),
    link: createLink(ws),
    defaultOptions: {
      watchQuery: { fetchPolicy: "cache-and-network" },
    },
  });
  return {
    apollo,
    dispose() {
      void ws.dispose();
      apollo.stop();
    },
  };
}
