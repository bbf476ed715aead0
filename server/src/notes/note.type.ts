import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import { Stem } from "../versions/version.enums.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { Drawing, toDrawing } from "./drawing.type.js";
import type { AnchorDoc, MentionDoc, NoteDoc } from "./note.model.js";

@ObjectType({ description: "Lines of a script version (1-based, inclusive)." })
export class ScriptAnchor {
  @Field(() => Int, { description: "First line, 1-based, of the version's text split on \\n." })
  lineStart!: number;
  @Field(() => Int, { description: "Last line, inclusive (>= lineStart)." }) lineEnd!: number;
  @Field(() => String, {
    description:
      "Those lines joined with \\n, as they were when the note was placed; null for older data without one.",
    nullable: true,
  })
  quote!: string | null;
}

@ObjectType({ description: "Frames of a cut or mix, with SMPTE labels from the version's start timecode." })
export class TimeAnchor {
  @Field(() => Int, { description: "First frame, counted from 0 at the first frame of the media." })
  startFrame!: number;
  @Field(() => Int, { description: "Last frame, inclusive (= startFrame for a point note)." })
  endFrame!: number;
  @Field(() => String, {
    description:
      "startFrame as SMPTE timecode from the version's startTimecode at its frameRate (HH:MM:SS;FF for drop-frame).",
  })
  startTimecode!: string;
  @Field(() => String, { description: "endFrame as SMPTE timecode, like startTimecode." })
  endTimecode!: string;
  @Field(() => Stem, {
    description: "MIX: the stem the note is about; null for the whole mix or for CUT.",
    nullable: true,
  })
  stem!: Stem | null;
}

export const NoteAnchor = createUnionType({
  name: "NoteAnchor",
  description: "Where a note points: ScriptAnchor on SCRIPT versions, TimeAnchor on CUT and MIX.",
  types: () => [ScriptAnchor, TimeAnchor] as const,
  resolveType: (value) => ("lineStart" in value ? ScriptAnchor : TimeAnchor),
});

@ObjectType({
  description: "A resolved @mention: a member (kind USER) or everyone holding a role (kind ROLE).",
})
export class Mention {
  @Field(() => String, { description: "USER for one member, ROLE for everyone holding a role." }) kind!:
    | "USER"
    | "ROLE";
  @Field(() => String, { description: "The text as written after @." }) label!: string;
  @Field(() => Role, { description: "The role, for kind ROLE; null for USER.", nullable: true })
  role!: Role | null;
  userId!: string | null;
}

@ObjectType({
  description: "What the caller may do with this note now (the server enforces the same rules).",
})
export class NotePermissions {
  @Field(() => Boolean, { description: "May edit it (its author, while the version takes notes)." })
  edit!: boolean;
  @Field(() => Boolean, {
    description: "May delete it (its author or a SHOWRUNNER, while the version takes notes).",
  })
  delete!: boolean;
  @Field(() => Boolean, {
    description:
      "May change its status (author, SHOWRUNNER, PRODUCER, the kind's maker; not on LOCKED versions).",
  })
  setStatus!: boolean;
  @Field(() => Boolean, { description: "May reply (every role but VIEWER; not on LOCKED versions)." })
  reply!: boolean;
}

@ObjectType({ description: "A note on a version, anchored to script lines or frames." })
export class Note {
  @Field(() => ID, { description: "The note's id." }) id!: string;
  @Field(() => String, { description: "The text, 1 to 10,000 characters; @mentions are listed in mentions." })
  body!: string;
  @Field(() => NoteAnchor, { description: "Where the note points in its own version." }) anchor!:
    | ScriptAnchor
    | TimeAnchor;
  @Field(() => NoteStatus, { description: "Its work status." }) status!: NoteStatus;
  @Field(() => Date, { description: "When it was added." }) createdAt!: Date;
  @Field(() => Date, { description: "When it last changed in any way (edit, status, reply count)." })
  updatedAt!: Date;
  @Field(() => NoteCategory, { description: "What it is about; null when not given.", nullable: true })
  category!: NoteCategory | null;
  @Field(() => Role, {
    description: "The author's role when they wrote it; null if unknown (older data).",
    nullable: true,
  })
  authorRole!: Role | null;
  @Field(() => Date, { description: "When the status last changed; null if never.", nullable: true })
  statusChangedAt!: Date | null;
  @Field(() => Date, {
    description:
      "When it was soft-deleted; null for live notes (deleted ones appear only with includeDeleted).",
    nullable: true,
  })
  deletedAt!: Date | null;
  @Field(() => Date, {
    description: "When its author last edited it (editNote); null if never.",
    nullable: true,
  })
  editedAt!: Date | null;
  /** Resolved when written; handles are documented in mentions.ts. */
  @Field(() => [Mention], { description: "The @mentions found in body, resolved to members or roles." })
  mentions!: Mention[];
  @Field(() => Int, { description: "How many replies it has." }) replyCount!: number;
  @Field(() => Drawing, {
    nullable: true,
    description: "Shapes drawn on the note's first frame (CUT notes).",
  })
  drawing!: Drawing | null;

  versionId!: string;
  assetId!: string;
  productionId!: string;
  authorId!: string;
  assigneeId!: string | null;
  statusChangedById!: string | null;
  statusChangedInId!: string | null;
}

export function toAnchor(a: AnchorDoc): ScriptAnchor | TimeAnchor {
  if (a.type === "SCRIPT") {
    return Object.assign(new ScriptAnchor(), {
      lineStart: a.lineStart ?? 1,
      lineEnd: a.lineEnd ?? a.lineStart ?? 1,
      quote: a.quote ?? null,
    });
  }
  return Object.assign(new TimeAnchor(), {
    startFrame: a.startFrame ?? 0,
    endFrame: a.endFrame ?? a.startFrame ?? 0,
    startTimecode: a.startTimecode ?? "",
    endTimecode: a.endTimecode ?? "",
    stem: a.stem ?? null,
  });
}

function toMention(m: MentionDoc): Mention {
  return Object.assign(new Mention(), {
    kind: m.kind,
    label: m.label,
    role: m.role ?? null,
    userId: m.userId ? String(m.userId) : null,
  });
}

export function toNote(doc: NoteDoc): Note {
  return Object.assign(new Note(), {
    id: String(doc._id),
    body: doc.body,
    anchor: toAnchor(doc.anchor),
    status: doc.status,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    category: doc.category ?? null,
    authorRole: doc.authorRole ?? null,
    statusChangedAt: doc.statusChangedAt ?? null,
    deletedAt: doc.deletedAt ?? null,
    editedAt: doc.editedAt ?? null,
    mentions: (doc.mentions ?? []).map(toMention),
    replyCount: doc.replyCount ?? 0,
    drawing: doc.drawing?.shapes?.length ? toDrawing(doc.drawing) : null,
    versionId: String(doc.versionId),
    assetId: String(doc.assetId),
    productionId: String(doc.productionId),
    authorId: String(doc.authorId),
    assigneeId: doc.assigneeId ? String(doc.assigneeId) : null,
    statusChangedById: doc.statusChangedBy ? String(doc.statusChangedBy) : null,
    statusChangedInId: doc.statusChangedIn ? String(doc.statusChangedIn) : null,
  });
}
