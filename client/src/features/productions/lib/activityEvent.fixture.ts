import type { ActivityEventFragment } from "../../../gql/graphql";

/** A feed event with every payload empty, for unit tests; `extra` fills what the test is about. */
export function event(
  n: number,
  type: ActivityEventFragment["type"],
  extra: Partial<ActivityEventFragment>,
): ActivityEventFragment {
  return {
    __typename: "ProductionEvent",
    id: `e${n}`,
    cursor: `c${n}`,
    type,
    at: "2026-11-21T10:00:00.000Z",
    productionId: "p1",
    actor: { __typename: "User", id: "u1", name: "Sasha", initials: "SA" },
    stage: null,
    fromStatus: null,
    toStatus: null,
    approvals: null,
    approvalsRequired: null,
    member: null,
    episode: null,
    asset: null,
    version: null,
    note: null,
    reply: null,
    review: null,
    ...extra,
  };
}
