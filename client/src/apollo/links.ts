import { ApolloLink, CombinedGraphQLErrors, ServerError } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { HttpLink } from "@apollo/client/link/http";
import { RetryLink } from "@apollo/client/link/retry";
import { SetContextLink } from "@apollo/client/link/context";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { Kind, OperationTypeNode } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { env } from "../env";
import { expireSession, getSession } from "../features/auth/session";
import { connection } from "../realtime/connection";

/** graphql-ws close code the server uses for a missing or bad token (contract: Transport). */
export const CLOSE_FORBIDDEN = 4403;
/** The code graphql-ws's lazy client uses when it closes an idle socket on purpose. */
const CLOSE_NORMAL = 1000;
/**
 * A socket attempt that neither opens nor fails in this time is abandoned and retried. Browsers can
 * leave a WebSocket "connecting" indefinitely after the network drops (no TCP reset ever arrives).
 */
const CONNECT_TIMEOUT_MS = 8_000;

/**
 * Sent on every HTTP request: it asks the server for cookie sessions, and a custom header is what
 * a cross-site page cannot send (the server refuses cookie requests without it: CSRF).
 */
const CSRF_HEADER = "x-greenlight-csrf";

export function createWsClient(): Client {
  const client = createClient({
    url: env.graphqlWsUrl,
    // No params: the handshake carries the session cookie, and the server checks its Origin.
    // Review rooms must come back by themselves after a network blip; only a rejected token is final.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(event instanceof CloseEvent && event.code === CLOSE_FORBIDDEN),
    retryWait: async (retries) => {
      const ms = Math.min(5000, 250 * 2 ** retries) + Math.random() * 250;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    connectionAckWaitTimeout: 10_000,
  });

  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const stopWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = undefined;
  };
  client.on("connecting", () => {
    connection.connecting();
    stopWatchdog();
    watchdog = setTimeout(() => client.terminate(), CONNECT_TIMEOUT_MS);
  });
  client.on("opened", stopWatchdog);
  client.on("connected", () => connection.connected());
  client.on("closed", (event) => {
    stopWatchdog();
    const code = event instanceof CloseEvent ? event.code : undefined;
    if (code === CLOSE_FORBIDDEN) expireSession();
    if (code === CLOSE_NORMAL) connection.idle();
    else {
      // One line per unexpected close helps support tell a network drop from a refusal.
      console.info(`Greenlight: live connection closed (${code ?? "network"})`);
      connection.closed();
    }
  });
  // When the network comes back, don't sit out a stuck attempt: abandon it and retry now.
  const online = () => {
    connection.network(true);
    if (watchdog) client.terminate();
  };
  const offline = () => connection.network(false);
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  if (!navigator.onLine) offline();
  const dispose = client.dispose.bind(client);
  client.dispose = () => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
    stopWatchdog();
    return dispose();
  };
  return client;
}

function isOperation(op: Pick<ApolloLink.Operation, "query">, type: OperationTypeNode): boolean {
  return op.query.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === type);
}
const isSubscription = (op: ApolloLink.Operation) => isOperation(op, OperationTypeNode.SUBSCRIPTION);

/**
 * Each mutation gets one Idempotency-Key, kept across the retries below: a mutation whose answer
 * was lost may still have been applied, and the server answers a retry under the same key with
 * the first result instead of writing twice.
 */
const idempotencyKey = new SetContextLink((prev, op) =>
  isOperation(op, OperationTypeNode.MUTATION)
    ? // A key chosen by the caller (a note queued offline keeps its own across reloads) is kept.
      {
        headers: {
          ...prev.headers,
          "idempotency-key": prev.headers?.["idempotency-key"] ?? crypto.randomUUID(),
        },
      }
    : {},
);

/** Retries (mutations included, thanks to their key) only when no answer came: network or 5xx. */
const retry = new RetryLink({
  delay: { initial: 300, max: 3_000, jitter: true },
  attempts: {
    max: 3,
    retryIf: (error) => (ServerError.is(error) ? error.statusCode >= 500 : !CombinedGraphQLErrors.is(error)),
  },
});

export function createLink(ws: Client): ApolloLink {
  const csrf = new SetContextLink((prev) => ({ headers: { ...prev.headers, [CSRF_HEADER]: "1" } }));
  const errors = new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    // Only a token that used to work expires; a wrong password on sign-in is handled by its form.
    if (error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED") && getSession()) {
      expireSession();
    }
  });
  const http = new HttpLink({ uri: env.graphqlHttpUrl, credentials: "same-origin" });
  const wsLink = new GraphQLWsLink(ws);
  return ApolloLink.from([
    errors,
    ApolloLink.split(isSubscription, wsLink, ApolloLink.from([csrf, idempotencyKey, retry, http])),
  ]);
}
