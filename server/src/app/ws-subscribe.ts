import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import type { Limits } from "../config/config.js";
import { badInput } from "../errors/app-errors.js";
import type { DocumentCache } from "./ws-documents.js";
import { costError, operationCost } from "./limits.js";

export interface CheckedSubscribe {
  documentId: number;
  document: DocumentNode;
  viewerSensitive: boolean;
  operationName: string | undefined;
  op: OperationDefinitionNode;
  variableValues: Record<string, unknown>;
  /** What each event costs to execute (HTTP's estimate of the selection). */
  cost: number;
}

/**
 * What a `subscribe` message must pass before anything is read for it: a document within the size
 * limit that parses and validates (cached), one subscription operation, and HTTP's cost rule.
 */
export function checkSubscribe(
  documents: DocumentCache,
  schema: GraphQLSchema,
  limits: Limits,
  payload: SubscribePayload,
): CheckedSubscribe | readonly GraphQLError[] {
  const prepared = documents.prepare(payload.query);
  if (Array.isArray(prepared)) return prepared as GraphQLError[];
  const { id, document, viewerSensitive } = prepared as Exclude<typeof prepared, readonly GraphQLError[]>;
  const operationName = payload.operationName ?? undefined;
  const op = getOperationAST(document, operationName);
  if (!op) return [new GraphQLError("Unable to identify operation.")];
  // Queries and mutations belong on HTTP, where the platform's cost limits and introspection
  // rules apply (the client's link sends only subscriptions here).
  if (op.operation !== "subscription") {
    return [
      badInput("Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql."),
    ];
  }
  const variableValues = payload.variables ?? {};
  let cost: number;
  try {
    cost = operationCost(schema, document, variableValues, operationName);
  } catch (err) {
    return [badInput(err instanceof Error ? err.message : String(err))];
  }
  if (cost > limits.maxCost) return [badInput(costError(cost, limits.maxCost).message)];
  return { documentId: id, document, viewerSensitive, operationName, op, variableValues, cost };
}
