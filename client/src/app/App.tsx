import { ApolloProvider } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { RouterProvider } from "react-router";
import { type AppClient, createAppClient } from "../apollo/client";
import { getToken, subscribeSession } from "../features/auth/session";
import { router } from "./routes";

export function App() {
  const token = useSyncExternalStore(subscribeSession, getToken);
  // One client per session: a new token gets a fresh cache and socket, so nothing of the last user leaks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the token is the reason to rebuild
  const client = useMemo(() => createAppClient(), [token]);
  // Dispose the previous session's client when a new one replaces it. Not in an effect cleanup:
  // StrictMode runs cleanups on a simulated unmount, and a disposed graphql-ws client never reconnects.
  const previous = useRef<AppClient | null>(null);
  useEffect(() => {
    if (previous.current && previous.current !== client) previous.current.dispose();
    previous.current = client;
  }, [client]);
  return (
    <ApolloProvider client={client.apollo}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
