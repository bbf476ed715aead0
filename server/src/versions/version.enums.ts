import { registerEnumType } from "type-graphql";
import { FrameRate } from "@greenlight/common/timecode";

export enum VersionStatus {
  DRAFT = "DRAFT",
  IN_REVIEW = "IN_REVIEW",
  CHANGES_REQUESTED = "CHANGES_REQUESTED",
  APPROVED = "APPROVED",
  LOCKED = "LOCKED",
}

export enum Stem {
  FULL_MIX = "FULL_MIX",
  DIALOGUE = "DIALOGUE",
  MUSIC = "MUSIC",
  EFFECTS = "EFFECTS",
}

/** WGA revision order; the enum's order is the default colour sequence by version number. */
export enum RevisionColor {
  WHITE = "WHITE",
  BLUE = "BLUE",
  PINK = "PINK",
  YELLOW = "YELLOW",
  GREEN = "GREEN",
  GOLDENROD = "GOLDENROD",
  BUFF = "BUFF",
  SALMON = "SALMON",
  CHERRY = "CHERRY",
  DOUBLE_BLUE = "DOUBLE_BLUE",
  DOUBLE_PINK = "DOUBLE_PINK",
  DOUBLE_YELLOW = "DOUBLE_YELLOW",
  DOUBLE_GREEN = "DOUBLE_GREEN",
  DOUBLE_GOLDENROD = "DOUBLE_GOLDENROD",
  DOUBLE_BUFF = "DOUBLE_BUFF",
  DOUBLE_SALMON = "DOUBLE_SALMON",
  DOUBLE_CHERRY = "DOUBLE_CHERRY",
}

registerEnumType(VersionStatus, { name: "VersionStatus" });
registerEnumType(Stem, { name: "Stem" });
registerEnumType(RevisionColor, {
  name: "RevisionColor",
  description: "Script revision colours, WGA order.",
});
registerEnumType(FrameRate, { name: "FrameRate" });

export { FrameRate };
