import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
} from "graphql";
import type { LRUCache } from "lru-cache";
import type { Limits } from "../config/config.js";
import { boundedDocumentLru, documentBytes, documentKey, retainedBytes } from "./document-cache.js";
import { validationRules } from "./limits.js";
import { badInput } from "../errors/app-errors.js";

export interface PreparedDocument {
  /** Distinct per parsed text (never reused), so group keys name the document, not its text. */
  id: number;
  document: DocumentNode;
  /** Selects fields whose value depends on who asks, not only on the role (viewerCan, myRole...). */
  viewerSensitive: boolean;
}

/** Fields and arguments whose result differs between two members holding the same role. */
const VIEWER_FIELDS = new Set(["viewerCan", "myRole", "me", "apiTokens"]);
const VIEWER_ARGS = new Set(["mine"]);
let nextId = 1;

/**
 * Parsed and validated subscription documents by the SHA-256 of their text: 1,000 clients
 * subscribing with the same operation parse and validate it once. Bounded by the bytes the
 * documents keep alive (LIMITS documentCacheBytes); documents over maxDocumentBytes are refused
 * before parsing, and invalid ones are never kept (a socket sending distinct bad documents
 * otherwise filled the cache with their text).
 */
export class DocumentCache {
  private readonly cache: LRUCache<string, PreparedDocument>;
  private readonly rules;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: Limits,
  ) {
    this.rules = [...specifiedRules, ...validationRules(limits)];
    this.cache = boundedDocumentLru<PreparedDocument>(limits.documentCacheBytes, (p) =>
      retainedBytes(p.document),
    );
  }

  prepare(query: unknown): PreparedDocument | readonly GraphQLError[] {
    if (typeof query !== "string") return [badInput("`query` must be a string.")];
    const bytes = documentBytes(query);
    if (bytes > this.limits.maxDocumentBytes) {
      return [
        badInput(`The GraphQL document is ${bytes} bytes; the limit is ${this.limits.maxDocumentBytes}.`),
      ];
    }
    const key = documentKey(query);
    const hit = this.cache.get(key);
    if (hit) return hit;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens });
    } catch (err) {
      return [err instanceof GraphQLError ? err : new GraphQLError(String(err))];
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return errors;
    const prepared = { id: nextId++, document, viewerSensitive: isViewerSensitive(document) };
    this.cache.set(key, prepared);
    return prepared;
  }

  /** Bytes currently counted (tests). */
  get bytes(): number {
    return this.cache.calculatedSize;
  }
}

function isViewerSensitive(document: DocumentNode): boolean {
  let sensitive = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (VIEWER_FIELDS.has(node.name.value) || node.arguments?.some((a) => VIEWER_ARGS.has(a.name.value)))
        sensitive = true;
    },
  });
  return sensitive;
}
