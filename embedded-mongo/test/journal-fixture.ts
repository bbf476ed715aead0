import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Document, EJSON } from "bson";
import type { ChangeOp, CollectionImage, IndexSpec } from "../src/storage/types.js";

/**
 * A minimal stand-in for the engine's apply(): enough catalog semantics to compare the state
 * rebuilt by recovery with the state that was committed, without depending on the engine.
 */
export class MiniStore {
  readonly colls = new Map<
    string,
    { db: string; coll: string; options: Document; indexes: IndexSpec[]; docs: Map<string, Document> }
  >();

  readonly apply = (ops: ChangeOp[]): void => {
    for (const op of ops) this.applyOne(op);
  };

  private coll(db: string, coll: string) {
    const ns = `${db}.${coll}`;
    let c = this.colls.get(ns);
    if (!c) {
      c = { db, coll, options: {}, indexes: [{ name: "_id_", key: { _id: 1 } }], docs: new Map() };
      this.colls.set(ns, c);
    }
    return c;
  }

  private applyOne(op: ChangeOp): void {
    const key = (id: unknown) => EJSON.stringify({ id }, { relaxed: false });
    switch (op.op) {
      case "insert":
        this.coll(op.db, op.coll).docs.set(key(op.doc._id), op.doc);
        break;
      case "update":
      case "replace":
        this.coll(op.db, op.coll).docs.set(key(op.id), op.doc);
        break;
      case "delete":
        this.coll(op.db, op.coll).docs.delete(key(op.id));
        break;
      case "create":
        this.coll(op.db, op.coll).options = op.options;
        break;
      case "drop":
        this.colls.delete(`${op.db}.${op.coll}`);
        break;
      case "dropDatabase":
        for (const [ns, c] of this.colls) if (c.db === op.db) this.colls.delete(ns);
        break;
      case "rename": {
        const c = this.coll(op.db, op.coll);
        this.colls.delete(`${op.db}.${op.coll}`);
        this.colls.set(`${op.toDb}.${op.toColl}`, { ...c, db: op.toDb, coll: op.toColl });
        break;
      }
      case "createIndexes":
        this.coll(op.db, op.coll).indexes.push(...op.indexes);
        break;
      case "dropIndexes": {
        const c = this.coll(op.db, op.coll);
        c.indexes = c.indexes.filter((ix) => !op.names.includes(ix.name));
        break;
      }
    }
  }

  images(): Iterable<CollectionImage> {
    return [...this.colls.values()].map((c) => ({ ...c, docs: c.docs.values() }));
  }

  /** Canonical extended JSON of the whole state, for equality checks. */
  dump(): string {
    const out = [...this.colls.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ns, c]) => ({
        ns,
        options: c.options,
        indexes: c.indexes,
        docs: [...c.docs.entries()].sort(([a], [b]) => a.localeCompare(b)),
      }));
    return EJSON.stringify(out, { relaxed: false });
  }
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `greenlight-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
