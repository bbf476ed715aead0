import { registerEnumType } from "type-graphql";

export enum NoteStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  WONT_FIX = "WONT_FIX",
}

export enum NoteCategory {
  PACING = "PACING",
  PERFORMANCE = "PERFORMANCE",
  DIALOGUE = "DIALOGUE",
  MUSIC = "MUSIC",
  EFFECTS = "EFFECTS",
  VFX = "VFX",
  COLOR = "COLOR",
  CONTINUITY = "CONTINUITY",
  LEGAL = "LEGAL",
  STORY = "STORY",
  OTHER = "OTHER",
}

registerEnumType(NoteStatus, { name: "NoteStatus" });
registerEnumType(NoteCategory, { name: "NoteCategory" });
