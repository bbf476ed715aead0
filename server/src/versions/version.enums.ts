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

registerEnumType(VersionStatus, {
  name: "VersionStatus",
  description:
    'A version\'s review life cycle (contract.graphql "Version life cycle"); a wrong transition is CONFLICT.',
  valuesConfig: {
    DRAFT: { description: "Just added; not yet submitted for review." },
    IN_REVIEW: { description: "Submitted (submitForReview); reviewers may decide." },
    CHANGES_REQUESTED: { description: "A reviewer asked for changes; may be submitted again." },
    APPROVED: { description: "Every approving role with a member approved; may be locked." },
    LOCKED: {
      description: "Locked (picture, script or mix lock): no new notes, replies or status changes, ever.",
    },
  },
});
registerEnumType(Stem, {
  name: "Stem",
  description: "The part of a mix a note is about.",
  valuesConfig: {
    FULL_MIX: { description: "The whole mix (printmaster)." },
    DIALOGUE: { description: "Dialogue stem (DX)." },
    MUSIC: { description: "Music stem (MX)." },
    EFFECTS: { description: "Effects stem (FX)." },
  },
});
registerEnumType(RevisionColor, {
  name: "RevisionColor",
  description: "Script revision colours, WGA order.",
  valuesConfig: {
    WHITE: { description: "Original pages." },
    BLUE: { description: "Revision 1, Blue pages." },
    PINK: { description: "Revision 2, Pink pages." },
    YELLOW: { description: "Revision 3, Yellow pages." },
    GREEN: { description: "Revision 4, Green pages." },
    GOLDENROD: { description: "Revision 5, Goldenrod pages." },
    BUFF: { description: "Revision 6, Buff pages." },
    SALMON: { description: "Revision 7, Salmon pages." },
    CHERRY: { description: "Revision 8, Cherry pages." },
    DOUBLE_BLUE: { description: "Revision 9, Double Blue pages." },
    DOUBLE_PINK: { description: "Revision 10, Double Pink pages." },
    DOUBLE_YELLOW: { description: "Revision 11, Double Yellow pages." },
    DOUBLE_GREEN: { description: "Revision 12, Double Green pages." },
    DOUBLE_GOLDENROD: { description: "Revision 13, Double Goldenrod pages." },
    DOUBLE_BUFF: { description: "Revision 14, Double Buff pages." },
    DOUBLE_SALMON: { description: "Revision 15, Double Salmon pages." },
    DOUBLE_CHERRY: { description: "Revision 16, Double Cherry pages." },
  },
});
registerEnumType(FrameRate, {
  name: "FrameRate",
  description: "A cut's or mix's frame rate; frames are integers from 0, timecodes are SMPTE at this rate.",
  valuesConfig: {
    FPS_23_976: { description: "23.976 (24000/1001), counted as 24-frame non-drop timecode." },
    FPS_24: { description: "24 fps." },
    FPS_25: { description: "25 fps (PAL)." },
    FPS_29_97_DF: {
      description:
        "29.97 (30000/1001) drop-frame: labels ;00 and ;01 skipped each minute but every tenth; written HH:MM:SS;FF.",
    },
    FPS_29_97_NDF: { description: "29.97 (30000/1001) non-drop: HH:MM:SS:FF." },
    FPS_30: { description: "30 fps." },
    FPS_48: { description: "48 fps." },
    FPS_50: { description: "50 fps." },
    FPS_59_94_DF: {
      description:
        "59.94 (60000/1001) drop-frame: labels ;00 to ;03 skipped each minute but every tenth; written HH:MM:SS;FF.",
    },
    FPS_59_94_NDF: { description: "59.94 (60000/1001) non-drop: HH:MM:SS:FF." },
    FPS_60: { description: "60 fps." },
  },
});

export { FrameRate };
