import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../../src/index.js";

/** Where the conformance suite runs: the embedded store (default) or a real MongoDB. */
export interface Target {
  uri: string;
  /** A database name unique to this test file (and run). */
  dbName: string;
  /** True when running against `MONGODB_URI` (a real server). */
  real: boolean;
  close(): Promise<void>;
}

/** Embedded-only assertions (error wording we chose, raw protocol abuse) check this. */
export const REAL = Boolean(process.env.MONGODB_URI);

export async function startTarget(label: string): Promise<Target> {
  const dbName = `${label}_${randomBytes(4).toString("hex")}`;
  const real = process.env.MONGODB_URI;
  if (real) {
    return {
      uri: real,
      dbName,
      real: true,
      close: async () => {
        const c = new MongoClient(real);
        try {
          await c.db(dbName).dropDatabase();
        } finally {
          await c.close();
        }
      },
    };
  }
  const db = await startEmbeddedMongo();
  return { uri: db.uri, dbName, real: false, close: () => db.close() };
}

/** A connected driver client plus the file's database. */
export async function connect(label: string) {
  const target = await startTarget(label);
  const client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db(target.dbName);
  return {
    target,
    client,
    db,
    close: async () => {
      await client.close();
      await target.close();
    },
  };
}

/** Await a promise that must reject; returns the error for assertions. */
export async function rejection(p: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown> & Error;
  }
  throw new Error("expected the operation to fail");
}
