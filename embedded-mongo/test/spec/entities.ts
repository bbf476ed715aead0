// The per-test entity map: clients (with their observed events), databases, collections,
// sessions, cursors, change streams and saved results.
import { type Document, Binary, Double, Int32, Long } from "bson";
import {
  ChangeStream,
  ClientSession,
  Collection,
  Db,
  FindCursor,
  MongoClient,
  type MongoClientOptions,
  AbstractCursor,
} from "mongodb";
import type { EntityLookup } from "./match.js";

/** One observed event, shaped like the spec's expectedEvent ({commandStartedEvent: {...}}). */
export interface ObservedEvent {
  type: "command" | "cmap";
  name: string;
  event: Document;
}

export interface ClientEntity {
  client: MongoClient;
  events: ObservedEvent[];
  /** Every commandStarted event (for the lsid assertions), whether observed or not. */
  started: Document[];
  observing: boolean;
}

const SENSITIVE = new Set([
  "authenticate",
  "saslstart",
  "saslcontinue",
  "getnonce",
  "createuser",
  "updateuser",
  "copydbgetnonce",
  "copydbsaslstart",
  "copydb",
  "hello",
  "ismaster",
]);

const CMAP_EVENTS: Record<string, string> = {
  connectionPoolCreated: "poolCreatedEvent",
  connectionPoolReady: "poolReadyEvent",
  connectionPoolCleared: "poolClearedEvent",
  connectionPoolClosed: "poolClosedEvent",
  connectionCreated: "connectionCreatedEvent",
  connectionReady: "connectionReadyEvent",
  connectionClosed: "connectionClosedEvent",
  connectionCheckOutStarted: "connectionCheckOutStartedEvent",
  connectionCheckOutFailed: "connectionCheckOutFailedEvent",
  connectionCheckedOut: "connectionCheckedOutEvent",
  connectionCheckedIn: "connectionCheckedInEvent",
};

/** Option values from the files as plain JS values (the driver checks `typeof x === "number"`). */
export function plain(v: unknown): unknown {
  if (v instanceof Int32 || v instanceof Double) return v.valueOf();
  if (v instanceof Long) return v.toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (
    v &&
    typeof v === "object" &&
    !("_bsontype" in v) &&
    !(v instanceof Date || v instanceof RegExp || v instanceof Uint8Array)
  ) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/**
 * A copy of a command as it was sent: the driver later mutates objects it shares between commands
 * (a transaction's readConcern gains afterClusterTime in place), which would rewrite earlier events.
 * Objects and arrays are copied; BSON values, dates, regexes and bytes are kept as they are.
 */
function copyPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyPlain);
  // The driver keeps sort specs as Maps; they are sent (and compared) as documents.
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, copyPlain(x)]));
  if (
    v &&
    typeof v === "object" &&
    !("_bsontype" in v) &&
    !(v instanceof Date || v instanceof RegExp || v instanceof Uint8Array)
  )
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyPlain(x)]));
  return v;
}

export class EntityMap implements EntityLookup {
  private readonly map = new Map<string, unknown>();
  /** Test-wide flag: a transaction was started (the runner then kills sessions afterwards). */
  startedTransaction = false;
  /** Fail points the test armed (turned off after it). */
  readonly failPointsSet = new Set<string>();

  constructor(private readonly uri: string) {}

  set(id: string, value: unknown): void {
    if (this.map.has(id)) throw new Error(`entity ${id} already exists`);
    this.map.set(id, value);
  }

  get(id: string): unknown {
    if (!this.map.has(id)) throw new Error(`no entity ${id}`);
    return this.map.get(id);
  }

  value(id: string): unknown {
    return this.get(id);
  }

  typed<T>(id: string, cls: abstract new (...args: never[]) => T, what: string): T {
    const v = this.get(id);
    if (!(v instanceof cls)) throw new Error(`entity ${id} is not a ${what}`);
    return v;
  }

  clientEntity(id: string): ClientEntity {
    const v = this.get(id) as ClientEntity;
    if (!v || !(v.client instanceof MongoClient)) throw new Error(`entity ${id} is not a client`);
    return v;
  }

  session(id: string): ClientSession {
    return this.typed(id, ClientSession, "session");
  }

  sessionLsid(id: string): unknown {
    const lsid = this.session(id).id;
    if (!lsid) throw new Error(`session ${id} has no id`);
    return { id: new Binary(lsid.id.buffer, lsid.id.sub_type) };
  }

  async create(entities: Document[]): Promise<void> {
    for (const entry of entities) {
      const [kind, spec] = Object.entries(entry)[0] as [string, Document];
      await this.createOne(kind, spec);
    }
  }

  private async createOne(kind: string, spec: Document): Promise<void> {
    switch (kind) {
      case "client":
        return this.set(spec.id, await this.newClient(spec));
      case "database": {
        const { client } = this.clientEntity(spec.client);
        return this.set(spec.id, client.db(spec.databaseName, plain(spec.databaseOptions ?? {}) as Document));
      }
      case "collection": {
        const db = this.typed(spec.database, Db, "database");
        const opts = plain(spec.collectionOptions ?? {}) as Document;
        return this.set(spec.id, db.collection(spec.collectionName, opts));
      }
      case "session": {
        const { client } = this.clientEntity(spec.client);
        const { snapshotTime, ...opts } = plain(spec.sessionOptions ?? {}) as Document;
        const session = client.startSession(opts);
        // `snapshotTime` names a saved entity. Node driver 7.8 has no such session option; the
        // server's part (reads at the given atClusterTime) is what the tests check, and the
        // driver sends the session's snapshotTime once set, as for one it learnt from a reply.
        if (snapshotTime !== undefined)
          (session as unknown as { snapshotTime: unknown }).snapshotTime = this.get(String(snapshotTime));
        return this.set(spec.id, session);
      }
      default:
        throw new Error(`unsupported entity type ${kind}`);
    }
  }

  private async newClient(spec: Document): Promise<ClientEntity> {
    const uriOptions = plain(spec.uriOptions ?? {}) as MongoClientOptions;
    const client = new MongoClient(this.uri, {
      serverSelectionTimeoutMS: 5000,
      ...uriOptions,
      monitorCommands: true,
      ...(spec.serverApi ? { serverApi: plain(spec.serverApi) as MongoClientOptions["serverApi"] } : {}),
    });
    const observe = new Set<string>((spec.observeEvents as string[]) ?? []);
    const ignored = new Set<string>(((spec.ignoreCommandMonitoringEvents as string[]) ?? []).map(String));
    ignored.add("configureFailPoint");
    const entity: ClientEntity = { client, events: [], started: [], observing: true };
    const record = (name: string, original: Document) => {
      const commandName = String(original.commandName ?? "");
      if (ignored.has(commandName) || SENSITIVE.has(commandName.toLowerCase())) return;
      const event = { ...original, command: copyPlain(original.command), reply: copyPlain(original.reply) };
      if (name === "commandStartedEvent") entity.started.push(event);
      if (entity.observing && observe.has(name)) entity.events.push({ type: "command", name, event });
    };
    client.on("commandStarted", (e) => record("commandStartedEvent", e as unknown as Document));
    client.on("commandSucceeded", (e) => record("commandSucceededEvent", e as unknown as Document));
    client.on("commandFailed", (e) => record("commandFailedEvent", e as unknown as Document));
    for (const [driverName, specName] of Object.entries(CMAP_EVENTS)) {
      if (!observe.has(specName)) continue;
      client.on(driverName as "connectionCreated", (e) => {
        if (entity.observing)
          entity.events.push({ type: "cmap", name: specName, event: e as unknown as Document });
      });
    }
    await client.connect();
    return entity;
  }

  /** End sessions, close cursors and streams, then close clients (errors ignored: cleanup). */
  async close(): Promise<void> {
    const values = [...this.map.values()];
    for (const v of values) {
      if (v && typeof v === "object" && "client" in v && (v as ClientEntity).client instanceof MongoClient)
        (v as ClientEntity).observing = false;
    }
    for (const v of values) {
      if (v instanceof ChangeStream || v instanceof AbstractCursor || v instanceof FindCursor)
        await v.close().catch(() => {});
    }
    for (const v of values) if (v instanceof ClientSession) await v.endSession().catch(() => {});
    for (const v of values) {
      if (v && typeof v === "object" && "client" in v && (v as ClientEntity).client instanceof MongoClient)
        await (v as ClientEntity).client.close(true).catch(() => {});
    }
    this.map.clear();
  }
}

export { Collection, Db };
