import { registerEnumType } from "type-graphql";

export enum AssetKind {
  SCRIPT = "SCRIPT",
  CUT = "CUT",
  MIX = "MIX",
}

export const ALL_ASSET_KINDS: readonly AssetKind[] = Object.values(AssetKind);

registerEnumType(AssetKind, {
  name: "AssetKind",
  description:
    "What an asset is; it decides its versions' fields, note anchors and who may make and approve it.",
  valuesConfig: {
    SCRIPT: { description: "A screenplay: versions carry `text`, notes anchor to lines." },
    CUT: { description: "A picture cut: versions carry media and timecode, notes anchor to frames." },
    MIX: { description: "A sound mix: like CUT, and notes may name a stem." },
  },
});
