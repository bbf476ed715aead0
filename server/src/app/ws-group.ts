import { execute, type GraphQLSchema } from "graphql";
import { type ErrorFormatter, serializeResult } from "../realtime/frames.js";
import { groupKey } from "../realtime/group-key.js";
import type { GroupSpec } from "../realtime/ports.js";
import { realtimeStats } from "../realtime/realtime-request.js";
import { contextOf } from "./context.js";
import type { Loaders } from "./loaders.js";
import { primedLoaders } from "./primed-loaders.js";
import { realtimeDb } from "./realtime-db.js";
import type { AuthorizedSubscription } from "./ws-authorize.js";
import type { CheckedSubscribe } from "./ws-subscribe.js";

/**
 * The multiplexing group of one authorised subscription: subscribers with the same document,
 * operation, variables and role (and user, for viewer-sensitive documents) share one execution
 * per event, run through realtime's database handle with the event's primed, shared loaders.
 * Nothing of the request outlives the start but this spec.
 */
export function groupSpecOf(
  schema: GraphQLSchema,
  checked: CheckedSubscribe,
  a: AuthorizedSubscription,
  userId: string,
  formatError: ErrorFormatter,
): GroupSpec {
  const { document, operationName, variableValues } = checked;
  return {
    key: groupKey({
      documentId: checked.documentId,
      operationName,
      op: checked.op,
      variables: a.variables,
      role: a.role,
      userId: checked.viewerSensitive ? userId : null,
      field: a.field,
      productionId: a.productionId,
      versionId: a.versionId,
    }),
    kind: a.field === "presence" ? "presence" : "events",
    versionId: a.versionId,
    role: a.role,
    // One execution and one serialisation for the whole group.
    execute: (root, viewer, scope) =>
      realtimeDb.run(async () => {
        realtimeStats.executions++;
        scope.shared ??= primedLoaders(scope);
        const contextValue = contextOf({ viewer, loaders: scope.shared as Loaders });
        const result = await execute({
          schema,
          document,
          operationName,
          variableValues,
          rootValue: root,
          contextValue,
        });
        return serializeResult(result, formatError);
      }),
  };
}
