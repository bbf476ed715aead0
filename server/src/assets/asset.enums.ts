import { registerEnumType } from "type-graphql";

export enum AssetKind {
  SCRIPT = "SCRIPT",
  CUT = "CUT",
  MIX = "MIX",
}

export const ALL_ASSET_KINDS: readonly AssetKind[] = Object.values(AssetKind);

registerEnumType(AssetKind, { name: "AssetKind" });
