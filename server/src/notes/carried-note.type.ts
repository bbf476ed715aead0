import { Field, ID, Int, ObjectType } from "type-graphql";
import { CarryMethod, CarryOutcome } from "./note-carry.enums.js";
import type { NoteCarryDoc } from "./note-carry.model.js";
import { PageInfo } from "./note-connection.type.js";
import { NoteAnchor, type ScriptAnchor, type TimeAnchor, toAnchor } from "./note.type.js";

@ObjectType({
  description:
    "An open note of an earlier version placed in this one: where it is now, where it was, and how it was mapped.",
})
export class CarriedNote {
  @Field(() => ID) id!: string;
  @Field(() => NoteAnchor, { description: "Where the note sits in this version." })
  anchor!: ScriptAnchor | TimeAnchor;
  @Field(() => NoteAnchor, {
    description: "Where it sat in the version it was mapped from (quote and lines as they were).",
  })
  previousAnchor!: ScriptAnchor | TimeAnchor;
  @Field(() => CarryOutcome) outcome!: CarryOutcome;
  @Field(() => CarryMethod) method!: CarryMethod;
  @Field(() => String, { nullable: true, description: 'For people, e.g. "moved from line 95".' })
  detail!: string | null;
  @Field(() => Int, { description: "1 from addVersion; each carryNotes re-run adds one." }) run!: number;
  @Field(() => Date) mappedAt!: Date;
  @Field(() => Boolean, { description: "Someone confirmed the note still applies on this version." })
  stillApplies!: boolean;
  @Field(() => Date, { nullable: true, description: "When it was confirmed to still apply." })
  confirmedAt!: Date | null;

  noteId!: string;
  fromVersionId!: string;
  versionId!: string;
  mappedById!: string;
  confirmedById!: string | null;
}

@ObjectType()
export class CarriedNoteEdge {
  @Field(() => String) cursor!: string;
  @Field(() => CarriedNote) node!: CarriedNote;
}

@ObjectType({ description: "A page of carried notes, in the order they were mapped." })
export class CarriedNoteConnection {
  @Field(() => [CarriedNoteEdge]) edges!: CarriedNoteEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

export function toCarriedNote(doc: NoteCarryDoc): CarriedNote {
  return Object.assign(new CarriedNote(), {
    id: String(doc._id),
    anchor: toAnchor(doc.anchor),
    previousAnchor: toAnchor(doc.previousAnchor),
    outcome: doc.outcome,
    method: doc.method,
    detail: doc.detail ?? null,
    run: doc.run,
    mappedAt: doc.createdAt,
    noteId: String(doc.noteId),
    fromVersionId: String(doc.fromVersionId),
    versionId: String(doc.versionId),
    mappedById: String(doc.createdBy),
    stillApplies: !!doc.confirmedAt,
    confirmedAt: doc.confirmedAt ?? null,
    confirmedById: doc.confirmedBy ? String(doc.confirmedBy) : null,
  });
}
