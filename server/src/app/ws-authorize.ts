import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
} from "graphql";
import { Types } from "mongoose";
import { badInput, notFound } from "../errors/app-errors.js";
import { tryDecodeEventCursor } from "../events/event.cursor.js";
import { isId } from "../core/ids.js";
import type { Role } from "../productions/production.enums.js";
import { ProductionModel } from "../productions/production.model.js";
import { VersionModel } from "../versions/version.model.js";
import { roleOf } from "../events/event.log.js";
import type { RealtimeField } from "../realtime/realtime-request.js";
import { SingleFlight } from "../realtime/single-flight.js";

export interface AuthorizedSubscription {
  field: RealtimeField;
  productionId: string;
  versionId: string | null;
  role: Role;
  afterSeq: number | null;
  /** Coerced variables (used in the multiplexing key, so equal values group whatever their spelling). */
  variables: Record<string, unknown>;
}

/**
 * Subscribes asking the same user's role in the same production at once share one read (a
 * reconnect storm). A shared read is still queued for the realtime permit or on the wire, so its
 * answer is at most one store round trip older than the latest ask: the window there already is
 * between the read and joining the channel, whose membership events re-check roles
 * (channel-roles.ts).
 */
const roleReads = new SingleFlight<Role | null>();

const FIELDS: ReadonlySet<string> = new Set<RealtimeField>(["productionEvents", "versionEvents", "presence"]);

/**
 * Authorises one subscription at subscribe time, in the contract's error precedence: the target
 * production or version must exist and the viewer be a member (else NOT_FOUND, for either), then
 * the cursor must be one of this production's (else BAD_USER_INPUT). Returns errors, not throws,
 * because graphql-ws turns an errors array from onSubscribe into an `error` message.
 */
export async function authorizeSubscription(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  _document: DocumentNode,
  rawVariables: Record<string, unknown> | null | undefined,
  userId: string,
): Promise<AuthorizedSubscription | readonly GraphQLError[] | null> {
  const selection = op.selectionSet.selections[0];
  if (selection?.kind !== "Field" || !FIELDS.has(selection.name.value)) return null;
  const fieldNode = selection as FieldNode;
  const field = fieldNode.name.value as RealtimeField;
  const fieldDef = schema.getSubscriptionType()?.getFields()[field];
  if (!fieldDef) return null;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return coerced.errors;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(fieldDef, fieldNode, coerced.coerced);
  } catch (err) {
    return [err instanceof GraphQLError ? err : badInput(String(err))];
  }
  let productionId: string;
  let versionId: string | null = null;
  if (field === "productionEvents") {
    productionId = String(args.productionId);
  } else {
    versionId = String(args.versionId);
    const version = isId(versionId)
      ? await VersionModel.findById(versionId, { productionId: 1 }).lean()
      : null;
    if (!version) return [notFound("Version")];
    productionId = String(version.productionId);
  }
  const role = isId(productionId)
    ? await roleReads.run(`${productionId}:${userId}`, () => roleOf(productionId, userId))
    : null;
  if (!role) return [notFound(field === "productionEvents" ? "Production" : "Version")];
  let afterSeq: number | null = null;
  const after = args.after;
  if (typeof after === "string") {
    const seq = tryDecodeEventCursor(after, productionId);
    const production =
      seq === null
        ? null
        : await ProductionModel.findById(new Types.ObjectId(productionId), { eventSeq: 1 }).lean();
    if (seq === null || !production || seq > production.eventSeq) {
      return [badInput(`Unknown event cursor "${after}".`, { after: "unknown cursor" })];
    }
    afterSeq = seq;
  }
  return { field, productionId, versionId, role, afterSeq, variables: coerced.coerced };
}
