import type { ApolloClient, ErrorLike, OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useSubscription } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useConnection } from "../app/ConnectionBanner";
import { cursors } from "./cursors";

interface StreamOptions<TData, TVars extends OperationVariables> {
  /** The cursor store's key for this stream; null for streams without cursors (presence). */
  readonly cursorKey: string | null;
  /** Builds the variables; `after` is the last applied cursor of the stream, re-read on every restart. */
  readonly variables: (after: string | null) => TVars;
  readonly skip?: boolean;
  readonly onData: (data: TData, client: ApolloClient) => void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * A subscription that survives anything short of sign-out: it restarts with `after` = the last cursor
 * whenever the socket reconnects, and also after the stream itself fails (graphql-ws gives up on some
 * close codes, e.g. a server's 4429), with backoff. The caller dedupes with `cursors.markSeen`.
 */
export function useStream<TData, TVars extends OperationVariables>(
  document: TypedDocumentNode<TData, TVars>,
  { cursorKey, variables, skip, onData }: StreamOptions<TData, TVars>,
): void {
  const { epoch } = useConnection();
  const [restarts, setRestarts] = useState(0);
  const failures = useRef(0);
  const buildRef = useRef(variables);
  buildRef.current = variables;

  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch and restarts are the triggers to re-read the cursor
  const vars = useMemo(
    () => buildRef.current(cursorKey ? cursors.lastCursor(cursorKey) : null),
    [cursorKey, epoch, restarts, skip],
  );

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const sub = useSubscription(document, {
    variables: vars,
    skip,
    onData: ({ client, data }) => {
      failures.current = 0;
      if (data.data) onData(data.data, client);
    },
    onError: (_error: ErrorLike) => {
      // The stream is dead (graphql-ws stopped retrying, or the server refused it): start a fresh one
      // after a pause. The banner follows the socket's own events.
      const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures.current);
      failures.current += 1;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setRestarts((n) => n + 1), wait);
    },
  });

  // After the render that re-read the cursor: restart even when the variables came out equal.
  const restart = useRef(sub.restart);
  restart.current = sub.restart;
  useEffect(() => {
    if (restarts > 0) restart.current();
  }, [restarts]);
}
