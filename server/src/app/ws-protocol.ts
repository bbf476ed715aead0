import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  type Message,
  MessageType,
  parseMessage,
  type SubscribePayload,
} from "graphql-ws";
import type { RawData, WebSocket, WebSocketServer } from "ws";
import { FrameSink, type FrameSinkOwner } from "../realtime/sinks.js";
import type { Logger } from "../core/logger.js";

/**
 * The graphql-transport-ws protocol, server side, with the same messages, close codes and reasons
 * as graphql-ws's `useServer`, which it replaces. Why not `useServer`: it keeps, per idle socket, a
 * suspended async function for every subscription (holding the raw `subscribe` text, its parsed
 * message and three closures), the `connection_init` params with the bearer token, the init
 * timer and a handful of per-socket closures. Here a socket costs one `SocketState` and a
 * subscription one `FrameSink` (realtime/sinks.ts) in a Map; the handlers are shared functions.
 */

export interface SubscribeRequest<C> {
  conn: C;
  socket: WebSocket;
  id: string;
  payload: SubscribePayload;
  /** This socket's subscriptions, this one included. */
  active: number;
}

export interface ProtocolHooks<C> {
  /** No `connection_init` within this many ms: 4408. */
  connectionInitWaitTimeout: number;
  /** Hides internal error messages from 4500 close reasons. */
  isProd: boolean;
  logger: Logger;
  /** `connection_init`: the connection's state, or null to refuse (4403). */
  onConnect(socket: WebSocket, request: IncomingMessage, params: Record<string, unknown>): Promise<C | null>;
  /** `subscribe`: the subscription's sink, or errors for an `error` message. */
  onSubscribe(req: SubscribeRequest<C>): Promise<FrameSink | readonly GraphQLError[]>;
  /** The socket closed, after its subscriptions ended. `conn` is null if it never connected. */
  onClose(socket: WebSocket, conn: C | null): void;
}

/** A subscription between `subscribe` and its start (one object per start, then garbage). */
class Pending {}

type Entry = Pending | FrameSink;

const states = new WeakMap<WebSocket, SocketState<unknown>>();

class SocketState<C> implements FrameSinkOwner {
  conn: C | null = null;
  initReceived = false;
  acknowledged = false;
  /** Until `connection_init`: needed by onConnect only (client address). */
  request: IncomingMessage | null;
  initTimer: NodeJS.Timeout | null = null;
  /** By id; null until the first subscribe and after close. */
  subs: Map<string, Entry> | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly hooks: ProtocolHooks<C>,
    request: IncomingMessage,
  ) {
    this.request = request;
  }

  async receive(text: string): Promise<void> {
    let message: Message;
    try {
      message = parseMessage(text);
    } catch {
      this.socket.close(CloseCode.BadRequest, "Invalid message received");
      return;
    }
    switch (message.type) {
      case MessageType.ConnectionInit:
        return this.init(message.payload);
      case MessageType.Ping:
        this.send(
          message.payload ? { type: MessageType.Pong, payload: message.payload } : { type: MessageType.Pong },
        );
        return;
      case MessageType.Pong:
        return;
      case MessageType.Subscribe:
        return this.subscribe(message.id, message.payload);
      case MessageType.Complete: {
        const entry = this.subs?.get(message.id);
        this.subs?.delete(message.id);
        stop(entry);
        return;
      }
      default:
        throw new Error(`Unexpected message of type ${message.type} received`);
    }
  }

  private async init(payload: Record<string, unknown> | null | undefined): Promise<void> {
    if (this.initReceived) {
      this.socket.close(CloseCode.TooManyInitialisationRequests, "Too many initialisation requests");
      return;
    }
    this.initReceived = true;
    if (this.initTimer) clearTimeout(this.initTimer);
    this.initTimer = null;
    const request = this.request as IncomingMessage;
    // The upgrade request (headers, parser state) and the params (the token) are not kept.
    this.request = null;
    const params = payload !== null && typeof payload === "object" ? payload : {};
    const conn = await this.hooks.onConnect(this.socket, request, params);
    if (conn === null) {
      this.socket.close(CloseCode.Forbidden, "Forbidden");
      return;
    }
    this.conn = conn;
    this.acknowledged = true;
    this.send({ type: MessageType.ConnectionAck });
  }

  private async subscribe(id: string, payload: SubscribePayload): Promise<void> {
    if (!this.acknowledged || !this.conn) {
      this.socket.close(CloseCode.Unauthorized, "Unauthorized");
      return;
    }
    this.subs ??= new Map();
    if (this.subs.has(id)) {
      this.socket.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
      return;
    }
    const pending = new Pending();
    this.subs.set(id, pending);
    try {
      const started = await this.hooks.onSubscribe({
        conn: this.conn,
        socket: this.socket,
        id,
        payload,
        active: this.subs.size,
      });
      // Completed by the client, or the socket closed, while starting: end it without a word.
      const current = this.subs?.get(id) === pending;
      if (!(started instanceof FrameSink)) {
        if (current)
          this.sendErrors(
            id,
            started.map((e: GraphQLError) => e.toJSON()),
          );
      } else if (!current) started.end();
      else if (started.ended) this.ended(id, started.failure);
      else {
        this.subs?.set(id, started);
        started.owner = this;
      }
    } finally {
      if (this.subs?.get(id) === pending) this.subs.delete(id);
    }
  }

  /** FrameSinkOwner: the channel (or the start) ended a registered sink. */
  sinkEnded(sink: FrameSink): void {
    if (this.subs?.get(sink.id) === sink) this.ended(sink.id, sink.failure);
  }

  /** `complete`, or `error` carrying the failure's message (as graphql-ws reports a throwing stream). */
  private ended(id: string, failure: Error | null): void {
    this.subs?.delete(id);
    if (failure)
      this.sendErrors(id, [new GraphQLError(failure.message, { originalError: failure }).toJSON()]);
    else this.send({ id, type: MessageType.Complete });
  }

  private sendErrors(id: string, payload: unknown[]): void {
    this.send({ id, type: MessageType.Error, payload });
  }

  private send(message: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  closed(): void {
    if (this.initTimer) clearTimeout(this.initTimer);
    this.initTimer = null;
    const subs = this.subs;
    this.subs = null;
    if (subs) for (const entry of subs.values()) stop(entry);
    this.hooks.onClose(this.socket, this.conn);
  }

  internalError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.hooks.logger.error("realtime: error while handling a message", { error: message });
    this.socket.close(CloseCode.InternalServerError, closeReason(this.hooks.isProd, message));
  }
}

function stop(entry: Entry | undefined): void {
  if (entry instanceof FrameSink) entry.end();
}

/** A 4500 close reason: the error's message outside production, when it fits a close frame. */
function closeReason(isProd: boolean, message: string): string {
  return isProd || message.length >= 124 ? "Internal server error" : message;
}

/** What the protocol keeps for a socket (tests: an idle socket must not retain its token or messages). */
export function retainedState(socket: WebSocket): object | undefined {
  return states.get(socket);
}

function onMessage(this: WebSocket, data: RawData): void {
  const state = states.get(this);
  if (!state) return;
  state.receive(String(data)).catch((err: unknown) => state.internalError(err));
}

function onClose(this: WebSocket): void {
  const state = states.get(this);
  if (!state) return;
  states.delete(this);
  state.closed();
}

/** `ws` has already closed the socket (e.g. 1009 for an oversize frame) when it reports an error. */
function onError(this: WebSocket, err: Error): void {
  const state = states.get(this);
  state?.hooks.logger.warn("realtime: socket error", { error: err.message });
  this.close(CloseCode.InternalServerError, closeReason(state?.hooks.isProd !== false, err.message));
}

function onInitTimeout(state: SocketState<unknown>): void {
  state.initTimer = null;
  if (!state.initReceived)
    state.socket.close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout");
}

/** Serves graphql-transport-ws on every socket `wss` accepts. Returns `dispose`. */
export function serveGraphqlWs<C>(
  wss: WebSocketServer,
  hooks: ProtocolHooks<C>,
): { dispose(): Promise<void> } {
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    const state = new SocketState<C>(socket, hooks, request);
    socket.on("error", onError);
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      socket.once("close", () => hooks.onClose(socket, null));
      socket.close(CloseCode.SubprotocolNotAcceptable, "Subprotocol not acceptable");
      return;
    }
    states.set(socket, state as SocketState<unknown>);
    socket.on("message", onMessage);
    socket.on("close", onClose);
    const wait = hooks.connectionInitWaitTimeout;
    if (wait > 0 && Number.isFinite(wait)) state.initTimer = setTimeout(onInitTimeout, wait, state);
  });
  return {
    async dispose() {
      for (const socket of wss.clients) socket.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
