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
import type { Limits } from "../config/config.js";
import { validationRules } from "../app/limits.js";

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
const CACHE_MAX = 500;
let nextId = 1;

/**
 * Parsed and validated subscription documents by text: 1,000 clients subscribing with the same
 * operation parse and validate it once. Bounded; cleared when full (documents are few in practice).
 */
export class DocumentCache {
  private readonly cache = new Map<string, PreparedDocument | readonly GraphQLError[]>();
  private readonly rules;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: Limits,
  ) {
    this.rules = [...specifiedRules, ...validationRules(limits)];
  }

  prepare(query: string): PreparedDocument | readonly GraphQLError[] {
    const hit = this.cache.get(query);
    if (hit) return hit;
    let result: PreparedDocument | readonly GraphQLError[];
    try {
      const document = parse(query, { maxTokens: this.limits.maxTokens });
      const errors = validate(this.schema, document, this.rules);
      result =
        errors.length > 0 ? errors : { id: nextId++, document, viewerSensitive: isViewerSensitive(document) };
    } catch (err) {
      result = [err instanceof GraphQLError ? err : new GraphQLError(String(err))];
    }
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(query, result);
    return result;
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
