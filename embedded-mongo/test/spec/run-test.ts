// Executing one test of a unified-format file: set up data, create entities, run the operations
// with their expectations, then check events and the collections' final contents.
import type { Document } from "bson";
import { MongoBulkWriteError, MongoClient, MongoOperationTimeoutError, MongoServerError } from "mongodb";
import type { ClientEntity, EntityMap } from "./entities.js";
import { assertMatches, assertSameDocument, MatchError } from "./match.js";
import { bulkResult, type OperationContext, runEntityOperation } from "./operations.js";
import { runSpecialOperation } from "./special.js";

export interface TestEnv {
  uri: string;
  /** The internal client: set-up, outcome checks, killAllSessions. */
  internal: MongoClient;
}

async function setUpData(env: TestEnv, initialData: Document[] | undefined): Promise<void> {
  for (const data of initialData ?? []) {
    const db = env.internal.db(data.databaseName);
    const wc = { writeConcern: { w: "majority" as const } };
    await db.dropCollection(data.collectionName, wc).catch(() => false);
    if (data.createOptions) await db.createCollection(data.collectionName, { ...data.createOptions, ...wc });
    if (data.documents?.length) await db.collection(data.collectionName).insertMany(data.documents, wc);
    else if (!data.createOptions) await db.createCollection(data.collectionName, wc);
  }
}

async function checkOutcome(env: TestEnv, outcome: Document[] | undefined): Promise<void> {
  for (const data of outcome ?? []) {
    const docs = await env.internal
      .db(data.databaseName)
      .collection(data.collectionName)
      .find({}, { sort: { _id: 1 }, readConcern: { level: "local" }, readPreference: "primary" })
      .toArray();
    const where = `outcome ${data.databaseName}.${data.collectionName}`;
    if (docs.length !== data.documents.length)
      throw new MatchError(`${where}: ${docs.length} documents, expected ${data.documents.length}`);
    data.documents.forEach((d: Document, i: number) => {
      assertSameDocument(d, docs[i] as Document, `${where}[${i}]`);
    });
  }
}

function errorLabels(err: unknown): string[] {
  const e = err as { errorLabels?: string[]; errorLabelSet?: Set<string> };
  return [...(e.errorLabels ?? []), ...(e.errorLabelSet ?? [])];
}

function checkError(expected: Document, err: unknown, entities: EntityMap): void {
  const e = err as Error & Document;
  const server = err instanceof MongoServerError;
  const fail = (msg: string): never => {
    throw new MatchError(`${msg} (error: ${e?.name}: ${e?.message})`);
  };
  if (expected.isClientError === true && server) fail("expected a client error");
  if (expected.isClientError === false && !server) fail("expected a server error");
  if (expected.isTimeoutError === true && !(err instanceof MongoOperationTimeoutError))
    fail("expected a timeout");
  if (
    expected.errorContains &&
    !String(e.message).toLowerCase().includes(String(expected.errorContains).toLowerCase())
  )
    fail(`expected the message to contain "${expected.errorContains}"`);
  if (expected.errorCode !== undefined && Number(e.code) !== Number(expected.errorCode))
    fail(`expected code ${expected.errorCode}, got ${e.code}`);
  if (expected.errorCodeName !== undefined && e.codeName !== expected.errorCodeName)
    fail(`expected codeName ${expected.errorCodeName}, got ${e.codeName}`);
  const labels = errorLabels(err);
  for (const l of expected.errorLabelsContain ?? []) if (!labels.includes(l)) fail(`expected label ${l}`);
  for (const l of expected.errorLabelsOmit ?? []) if (labels.includes(l)) fail(`unexpected label ${l}`);
  if (expected.errorResponse)
    assertMatches(expected.errorResponse, e.errorResponse, { root: true, entities });
  if (expected.writeErrors) {
    const list: Document[] = Array.isArray(e.writeErrors)
      ? e.writeErrors
      : e.code
        ? [{ ...e, index: 0 }]
        : [];
    for (const [index, we] of Object.entries(expected.writeErrors as Document)) {
      const actual = list.find((w) => Number(w.index) === Number(index));
      if (!actual) fail(`expected a write error at index ${index}`);
      const shaped = {
        code: actual?.code,
        errmsg: actual?.errmsg,
        errInfo: actual?.errInfo,
        index: actual?.index,
      };
      assertMatches(we, shaped, { root: true, entities });
    }
  }
  if (expected.writeConcernErrors) {
    const wce = e.writeConcernError ? [e.writeConcernError] : (e.result?.getWriteConcernErrors?.() ?? []);
    assertMatches(expected.writeConcernErrors, wce, { root: true, entities });
  }
  if (expected.expectResult) {
    const result =
      err instanceof MongoBulkWriteError ? bulkResult(err.result as unknown as Document) : e.result;
    assertMatches(expected.expectResult, result, { root: true, entities });
  }
}

/** Plain data for matching (driver result classes become documents). */
function shapeResult(op: Document, result: unknown): unknown {
  if (op.name === "insertMany" && result && typeof result === "object")
    return {
      insertedIds: (result as Document).insertedIds,
      insertedCount: (result as Document).insertedCount,
    };
  return result;
}

export async function runOperation(
  op: Document,
  ctx: OperationContext & { env: TestEnv },
  rethrowExpected = false,
): Promise<void> {
  let result: unknown;
  let error: unknown;
  try {
    result =
      op.object === "testRunner" ? await runSpecialOperation(op, ctx) : await runEntityOperation(op, ctx);
  } catch (e) {
    if (e instanceof MatchError) throw e;
    error = e;
  }
  // Inside a withTransaction callback an ignored error still ends the callback: the driver must
  // see it to abort and retry (the convenient API's expected events depend on it).
  if (op.ignoreResultAndError) {
    if (rethrowExpected && error !== undefined) throw error;
    return;
  }
  if (op.expectError) {
    if (error === undefined) throw new MatchError(`${op.name}: expected an error, got ${describe(result)}`);
    checkError(op.expectError, error, ctx.entities);
    if (rethrowExpected) throw error;
    return;
  }
  if (error !== undefined) throw error;
  if (op.expectResult !== undefined)
    assertMatches(op.expectResult, shapeResult(op, result), { root: true, entities: ctx.entities }, op.name);
  if (op.saveResultAsEntity) ctx.entities.set(op.saveResultAsEntity, result);
}

function describe(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 200) ?? String(v);
  } catch {
    return String(v);
  }
}

function checkEvents(expectations: Document[] | undefined, entities: EntityMap): void {
  for (const exp of expectations ?? []) {
    const client = entities.clientEntity(exp.client) as ClientEntity;
    const type = exp.eventType ?? "command";
    const actual = client.events.filter((e) => e.type === type);
    const expected = exp.events as Document[];
    if (exp.ignoreExtraEvents ? actual.length < expected.length : actual.length !== expected.length) {
      const names = actual.map((e) => `${e.name}(${e.event.commandName ?? ""})`).join(", ");
      throw new MatchError(
        `${exp.client}: expected ${expected.length} ${type} events, got ${actual.length}: ${names}`,
      );
    }
    expected.forEach((e, i) => {
      assertEvent(e, actual[i]!, entities, `${exp.client} event ${i}`);
    });
  }
}

const ENDS_TRANSACTION = new Set(["commitTransaction", "abortTransaction"]);

/**
 * Node driver 7.x adds `wtimeout: 10000` to the write concern of commitTransaction and
 * abortTransaction (lib/sessions.js) where the spec expects exactly the user's write concern; the
 * server never sees a difference that matters, so that one added field is not held against it.
 */
function withoutDriverWtimeout(expected: Document, actual: Document): Document {
  const name = Object.keys(actual ?? {})[0] ?? "";
  const wc = actual?.writeConcern as Document | undefined;
  const expectedWc = expected.writeConcern as Document | undefined;
  if (!ENDS_TRANSACTION.has(name) || !wc || Number(wc.wtimeout) !== 10000) return actual;
  if (!expectedWc || "wtimeout" in expectedWc || Object.keys(expectedWc).some((k) => k.startsWith("$$")))
    return actual;
  const { wtimeout: _driverDefault, ...rest } = wc;
  return { ...actual, writeConcern: rest };
}

function assertEvent(
  expected: Document,
  actual: { name: string; event: Document },
  entities: EntityMap,
  where: string,
) {
  const [name, body] = Object.entries(expected)[0] as [string, Document];
  if (name !== actual.name) throw new MatchError(`${where}: expected ${name}, got ${actual.name}`);
  const { command, reply, hasServiceId, hasServerConnectionId, ...rest } = body;
  if (command)
    assertMatches(
      command,
      withoutDriverWtimeout(command, actual.event.command),
      { root: true, entities },
      `${where}.command`,
    );
  if (reply) assertMatches(reply, actual.event.reply, { root: true, entities }, `${where}.reply`);
  if (hasServiceId !== undefined && hasServiceId !== (actual.event.serviceId != null))
    throw new MatchError(`${where}: hasServiceId`);
  if (
    hasServerConnectionId !== undefined &&
    hasServerConnectionId !== (actual.event.serverConnectionId != null)
  )
    throw new MatchError(`${where}: hasServerConnectionId`);
  for (const [k, v] of Object.entries(rest))
    assertMatches(v, actual.event[k], { root: false, entities }, `${where}.${k}`);
}

/** Runs one test; resolves on pass, throws (MatchError or the unexpected error) on failure. */
export async function runTest(
  env: TestEnv,
  file: Document,
  test: Document,
  entities: EntityMap,
): Promise<void> {
  await setUpData(env, file.initialData);
  const ctx: OperationContext & { env: TestEnv } = {
    entities,
    env,
    runOperations: async (ops, opts) => {
      for (const op of ops) await runOperation(op, ctx, opts?.rethrowExpected);
    },
  };
  try {
    await entities.create(file.createEntities ?? []);
    await ctx.runOperations(test.operations ?? []);
    for (const v of [test.expectEvents ?? []].flat()) entities.clientEntity(v.client).observing = false;
    checkEvents(test.expectEvents, entities);
    await checkOutcome(env, test.outcome);
  } finally {
    const armed = [...entities.failPointsSet];
    await entities.close();
    for (const name of armed)
      await env.internal.db("admin").command({ configureFailPoint: name, mode: "off" });
    if (entities.startedTransaction)
      await env.internal
        .db("admin")
        .command({ killAllSessions: [] })
        .catch(() => {});
  }
}
