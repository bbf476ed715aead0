import type { OperationDefinitionNode } from "graphql";
import type { RoleName } from "./ports.js";

export interface GroupKeyInput {
  /**
   * The parsed document (DocumentCache's id): equal ids mean equal text. Not the text itself: every
   * subscriber would build a key holding a copy of it.
   */
  documentId: number;
  operationName: string | undefined;
  op: OperationDefinitionNode;
  variables: Record<string, unknown>;
  role: RoleName;
  /** Set only for documents whose result depends on the viewer, not just the role. */
  userId: string | null;
  field: string;
  productionId: string;
  versionId: string | null;
}

/**
 * The multiplexing key: same document, operation, variables, target and permission scope. The
 * variable feeding the root field's `after` is left out: it only decides where the replay starts,
 * so subscribers that resumed from different cursors share the live execution afterwards.
 */
export function groupKey(k: GroupKeyInput): string {
  const root = k.op.selectionSet.selections[0];
  let afterVar: string | null = null;
  if (root?.kind === "Field") {
    const arg = root.arguments?.find((a) => a.name.value === "after");
    if (arg?.value.kind === "Variable") afterVar = arg.value.name.value;
  }
  const vars = Object.keys(k.variables)
    .filter((name) => name !== afterVar)
    .sort()
    .map((name) => [name, k.variables[name]]);
  return JSON.stringify([
    k.field,
    k.productionId,
    k.versionId,
    k.role,
    k.userId,
    k.operationName ?? null,
    vars,
    k.documentId,
  ]);
}
