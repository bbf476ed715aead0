import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../productions/production.enums.js";
import { Stem } from "../versions/version.enums.js";
import { NoteCategory, NoteStatus } from "./note.enums.js";
import { Drawing, toDrawing } from "./drawing.type.js";
import type { AnchorDoc, MentionDoc, NoteDoc } from "./note.model.js";

@ObjectType({ description: "Lines of a script version (1-based, inclusive)." })
export class ScriptAnchor {
  @Field(() => Int) lineStart!: number;
  @Field(() => Int) lineEnd!: number;
  @Field(() => String, { nullable: true }) quote!: string | null;
}

@ObjectType({ description: "Frames of a cut or mix, with SMPTE labels from the version's start timecode." })
export class TimeAnchor {
  @Field(() => Int) startFrame!: number;
  @Field(() => Int) endFrame!: number;
  @Field(() => String) startTimecode!: string;
  @Field(() => String) endTimecode!: string;
  @Field(() => Stem, { nullable: true }) stem!: Stem | null;
}

export const NoteAnchor = createUnionType({
  name: "NoteAnchor",
  types: () => [ScriptAnchor, TimeAnchor] as const,
  resolveType: (value) => ("lineStart" in value ? ScriptAnchor : TimeAnchor),
});

@ObjectType({
  description: "A resolved @mention: a member (kind USER) or everyone holding a role (kind ROLE).",
})
export class Mention {
  @Field(() => String) kind!: "USER" | "ROLE";
  @Field(() => String) label!: string;
  @Field(() => Role, { nullable: true }) role!: Role | null;
  userId!: string | null;
}

@ObjectType()
export class NotePermissions {
  @Field(() => Boolean) edit!: boolean;
  @Field(() => Boolean) delete!: boolean;
  @Field(() => Boolean) setStatus!: boolean;
  @Field(() => Boolean) reply!: boolean;
}

@ObjectType({ description: "A note on a version, anchored to script lines or frames." })
export class Note {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => NoteAnchor) anchor!: ScriptAnchor | TimeAnchor;
  @Field(() => NoteStatus) status!: NoteStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => NoteCategory, { nullable: true }) category!: NoteCategory | null;
  @Field(() => Role, { nullable: true }) authorRole!: Role | null;
  @Field(() => Date, { nullable: true }) statusChangedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  /** Resolved when written; handles are documented in mentions.ts. */
  @Field(() => [Mention]) mentions!: Mention[];
  @Field(() => Int) replyCount!: number;
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
