import { createHash } from "node:crypto";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";

/**
 * Heap bytes per byte of a document's JSON (graphql-js's AST objects, and the token list its `loc`
 * links to, outweigh their JSON): measured 4.4 for the client's operations (16.5 KB of heap for a
 * 3.8 KB JSON), rounded up.
 */
const HEAP_PER_JSON_BYTE = 5;

/**
 * What keeping a parsed document costs: its AST plus the source text it points to
 * (`loc.source.body`). Apollo's default document store counts the AST's JSON only, so a small
 * query padded with 900 KB of whitespace was counted as ~300 bytes and kept 900 KB alive.
 */
export function retainedBytes(doc: DocumentNode): number {
  const text = doc.loc?.source.body.length ?? 0;
  return text + HEAP_PER_JSON_BYTE * JSON.stringify(doc).length;
}

/** Cache key of a query text: its SHA-256, so a key never holds the (possibly large) text itself. */
export function documentKey(query: string): string {
  return createHash("sha256").update(query).digest("hex");
}

/** Length of a query in UTF-8 bytes, without encoding it. */
export function documentBytes(query: string): number {
  return Buffer.byteLength(query, "utf8");
}

/** An LRU of values holding parsed documents, bounded by their retained bytes. */
export function boundedDocumentLru<V extends object>(
  maxBytes: number,
  sizeOf: (value: V) => number,
): LRUCache<string, V> {
  // lru-cache needs maxSize >= 1; a zero budget keeps nothing (every entry is too large).
  return new LRUCache<string, V>({
    maxSize: Math.max(1, maxBytes),
    maxEntrySize: Math.max(1, maxBytes),
    sizeCalculation: (v) => Math.max(1, sizeOf(v)),
  });
}

/**
 * Apollo's `documentStore`: validated documents by Apollo's key (schema hash + the query's
 * SHA-256), bounded by what they keep alive. Apollo stores only documents that passed validation.
 */
export class DocumentStore implements KeyValueCache<DocumentNode> {
  private readonly lru: LRUCache<string, DocumentNode>;

  constructor(maxBytes: number) {
    this.lru = boundedDocumentLru(maxBytes, retainedBytes);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    this.lru.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(key);
  }

  /** Bytes currently counted (tests). */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
