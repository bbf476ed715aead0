import { CloseCode } from "graphql-ws";

/**
 * Every close code the realtime server uses, by name. Protocol violations close with graphql-ws's
 * codes (app/ws-protocol.ts: 4400 invalid message, 4401 subscribe before ack, 4403 onConnect
 * refused, 4406 wrong subprotocol, 4408 no connection_init in time, 4409 duplicate subscription id,
 * 4429 second connection_init); `ws` closes oversize frames with 1009. The ones below are ours.
 */
export const Close = {
  ...CloseCode,
  /** Server shutting down (RFC 6455). Clients reconnect elsewhere and resume with their cursor. */
  GoingAway: 1001,
  /**
   * Slow consumer: the socket's send buffer passed `ws.maxBufferedBytes` because the client stopped
   * reading. "Try again later" (RFC 6455 1013) is retried by graphql-ws clients by default, and a
   * resubscription with the last cursor misses nothing.
   */
  SlowConsumer: 1013,
  /** The user already holds `ws.maxConnectionsPerUser` sockets on this process. */
  TooManyConnections: 4429,
} as const;

/** A close reason is at most 123 bytes (RFC 6455); ours are short ASCII. */
export const CloseReason = {
  GoingAway: "Going away",
  SlowConsumer: "Slow consumer: send buffer full, reconnect and resume with your cursor",
  TooManyConnections: "Too many connections for this user",
  /** 4403 after connect (realtime/identity-watch.ts): the identity the socket was opened with ended. */
  expired: "Token expired; sign in again",
  signedOut: "Signed out",
  revoked: "API token revoked",
} as const;
