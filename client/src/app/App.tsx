import { ApolloProvider } from "@apollo/client/react";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { RouterProvider } from "react-router";
import { createAppClient } from "../apollo/client";
import { getToken, subscribeSession } from "../features/auth/session";
import { router } from "./routes";

export function App() {
  const token = useSyncExternalStore(subscribeSession, getToken);
  // One client per session: a new token gets a fresh cache and socket, so nothing of the last user leaks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the token is the reason to rebuild
  const client = useMemo(() => createAppClient(), [token]);
  useEffect(() => () => client.dispose(), [client]);
  return (
    <ApolloProvider client={client.apollo}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
