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
  @Field(() => ID, { description: "The id of this placement (carryId on NOTE_CARRIED events)." }) id!: string;
  @Field(() => NoteAnchor, { description: "Where the note sits in this version." })
  anchor!: ScriptAnchor | TimeAnchor;
  @Field(() => NoteAnchor, {
    description: "Where it sat in the version it was mapped from (quote and lines as they were).",
  })
  previousAnchor!: ScriptAnchor | TimeAnchor;
  @Field(() => CarryOutcome, { description: "What happened to the anchor." }) outcome!: CarryOutcome;
  @Field(() => CarryMethod, { description: "How the new anchor was found." }) method!: CarryMethod;
  @Field(() => String, { nullable: true, description: 'For people, e.g. "moved from line 95".' })
  detail!: string | null;
  @Field(() => Int, { description: "1 from addVersion; each carryNotes re-run adds one." }) run!: number;
  @Field(() => Date, { description: "When it was carried." }) mappedAt!: Date;
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

@ObjectType({ description: "One carried note in a page, with its cursor." })
export class CarriedNoteEdge {
  @Field(() => String, { description: "Opaque; pass as `after` for the page after it." }) cursor!: string;
  @Field(() => CarriedNote, { description: "The carried note." }) node!: CarriedNote;
}

@ObjectType({ description: "A page of carried notes, in the order they were mapped." })
export class CarriedNoteConnection {
  @Field(() => [CarriedNoteEdge], { description: "This page." }) edges!: CarriedNoteEdge[];
  @Field(() => PageInfo, { description: "Whether more follow, and the cursor to get them." })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: "How many carried notes in all, across pages." }) totalCount!: number;
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
