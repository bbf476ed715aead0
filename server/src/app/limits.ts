import type { ApolloServerPlugin } from "@apollo/server";
import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getNamedType,
  type GraphQLSchema,
  isLeafType,
  getNullableType,
  GraphQLList,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { type ComplexityEstimatorArgs, getComplexity } from "graphql-query-complexity";
import type { Limits } from "../config/config.js";
import type { Context } from "../core/context.js";

/**
 * What one `exportMarkers` is counted as in the cost estimate: the notes it may read and render
 * (the estimate cannot know a version's count; the resolver charges the real one, see
 * exports/export-budget.ts).
 */
export const EXPORT_COST = 2_000;

/** Lists without a `first` argument are assumed to hold about this many items. */
const DEFAULT_LIST_SIZE = 10;
/** `first` arguments that are omitted default to this (the contract's default page size). */
const DEFAULT_PAGE_SIZE = 50;

function validationError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
  });
}

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

/** Selection depth, following fragments; `seen` stops cycles (reported by graphql's own rule). */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      // Introspection meta fields do not count, so tools' standard introspection query passes.
      if (sel.name.value.startsWith("__")) continue;
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const frag = fragments.get(name);
      if (!frag || seen.has(name)) continue;
      max = Math.max(max, depthOf(frag.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return max;
}

/** Rejects operations nested deeper than `max` fields. */
export function maxDepthRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, fragments, new Set());
        if (depth > max)
          context.reportError(validationError(`Query is ${depth} levels deep; the limit is ${max}.`));
      },
    };
  };
}

/** Rejects documents with more than `max` aliased fields (alias bombs multiply work cheaply). */
export function maxAliasesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count++;
      },
      Document: {
        leave() {
          if (count > max)
            context.reportError(validationError(`Query uses ${count} aliases; the limit is ${max}.`));
        },
      },
    };
  };
}

/**
 * Cost estimate: roughly how many objects the response can hold. Scalars and enums are free (they
 * come with their object); each object costs 1 plus what is selected under it; a field with
 * `first` counts `first` (or its default) times; other lists DEFAULT_LIST_SIZE times, except a
 * connection's `edges`, already counted by the parent's `first`. Calibrated so the client's
 * heaviest page (500 events with their objects) costs about 10,000.
 */
export function costEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name === "exportMarkers") return EXPORT_COST;
  const firstArg = field.args.find((a) => a.name === "first");
  const isList = getNullableType(field.type) instanceof GraphQLList;
  const self = isLeafType(getNamedType(field.type)) ? 0 : 1;
  let n = 1;
  if (firstArg) {
    const given = args.first;
    n =
      typeof given === "number"
        ? Math.max(0, given)
        : typeof firstArg.defaultValue === "number"
          ? firstArg.defaultValue
          : DEFAULT_PAGE_SIZE;
  } else if (isList && field.name !== "edges") {
    n = DEFAULT_LIST_SIZE;
  }
  return n * (self + childComplexity);
}

/**
 * The estimated cost of one operation with its variables. Variables that do not fit their types
 * are the caller's mistake: BAD_USER_INPUT (400), as Apollo would answer had it coerced them first.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [costEstimator],
    });
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    throw new GraphQLError(err.message, {
      nodes: err.nodes,
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
}

export function costError(cost: number, max: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} exceeds the limit of ${max}; ask for fewer items (lower \`first\`) or fewer fields.`,
    { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } },
  );
}

/** At most one `exportMarkers` per operation (each renders a whole version's notes). */
export function maxExportsRule(context: ValidationContext): ASTVisitor {
  let count = 0;
  return {
    Field(node) {
      if (node.name.value === "exportMarkers") count++;
    },
    Document: {
      leave() {
        if (count > 1)
          context.reportError(
            validationError(`exportMarkers is asked ${count} times; one export per request.`),
          );
      },
    },
  };
}

function usesIntrospection(doc: DocumentNode): boolean {
  let found = false;
  const visit = (set: SelectionSetNode | undefined): void => {
    if (!set || found) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === "__schema" || sel.name.value === "__type") found = true;
        else visit(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
    }
  };
  // Fragments are visited as definitions, so spreads need no following here.
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION)
      visit(def.selectionSet);
  }
  return found;
}

/**
 * Checks that need the request (so they cannot be cached validation rules): introspection only
 * for signed-in callers, and cost, which depends on variables.
 */
export function requestLimitsPlugin(limits: Limits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName, contextValue, schema }) {
          if (!contextValue.viewer && usesIntrospection(document)) {
            throw validationError(
              "Introspection is only available to signed-in callers; send `Authorization: Bearer <token>`.",
            );
          }
          const cost = operationCost(schema, document, request.variables, operationName);
          if (cost > limits.maxCost) throw costError(cost, limits.maxCost);
        },
      };
    },
  };
}

export function validationRules(limits: Limits) {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxExportsRule];
}
