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

registerEnumType(NoteStatus, {
  name: "NoteStatus",
  description:
    "Where a note is in its work; OPEN and IN_PROGRESS count as open (carried to a newer version).",
  valuesConfig: {
    OPEN: { description: "New, not yet worked on." },
    IN_PROGRESS: { description: "Being worked on." },
    RESOLVED: { description: "Done." },
    WONT_FIX: { description: "Closed without a change." },
  },
});
registerEnumType(NoteCategory, {
  name: "NoteCategory",
  description: "What a note is about, for filtering and routing to departments.",
  valuesConfig: {
    PACING: { description: "Rhythm and length of scenes or shots." },
    PERFORMANCE: { description: "Acting." },
    DIALOGUE: { description: "Lines spoken, or dialogue sound." },
    MUSIC: { description: "Score and songs." },
    EFFECTS: { description: "Sound effects." },
    VFX: { description: "Visual effects." },
    COLOR: { description: "Colour grading." },
    CONTINUITY: { description: "Continuity errors." },
    LEGAL: { description: "Clearances and legal review." },
    STORY: { description: "Story and structure." },
    OTHER: { description: "Anything else." },
  },
});
