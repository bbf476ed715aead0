import type { AssetKind } from "../../../gql/graphql";

/** The route segment of each kind's review room: /script/:id, /cut/:id, /mix/:id. */
export const KIND_PATH: Record<AssetKind, string> = { SCRIPT: "script", CUT: "cut", MIX: "mix" };
