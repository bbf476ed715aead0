import { ApolloProvider } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { RouterProvider } from "react-router";
import { type AppClient, createAppClient } from "../apollo/client";
import { getSession, subscribeSession } from "../features/auth/session";
import { router } from "./routes";

export function App() {
  const session = useSyncExternalStore(subscribeSession, getSession);
  // One client per session: a new session gets a fresh cache and socket, so nothing of the last user leaks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the session is the reason to rebuild
  const client = useMemo(() => createAppClient(), [session]);
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
