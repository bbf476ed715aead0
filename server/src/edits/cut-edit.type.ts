import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { FrameRate, framesToTimecode } from "@greenlight/common/timecode";
import { FrameRate as FrameRateEnum } from "../versions/version.enums.js";
import { EditFormat, TransitionKind } from "./edit.enums.js";
import type { CutEditDoc } from "./cut-edit.model.js";
import { framesToContinuousTimecode } from "./edit.timecode.js";
import type { EditEvent as EventData, EditMarker as MarkerData } from "./edit.timeline.js";

@ObjectType({ description: "One event of a cut's edit: where a source clip sits on the record side." })
export class EditEvent {
  @Field(() => Int, { description: "EDL event number; OTIO: position in its track, from 1." })
  number!: number;
  @Field(() => [String], { description: 'Tracks it records onto: "V", "A1", "A2" ...' }) tracks!: string[];
  @Field(() => String, {
    description: "The source reel or tape name; null when the file has none.",
    nullable: true,
  })
  reel!: string | null;
  @Field(() => String, { nullable: true, description: "* FROM CLIP NAME / the OTIO clip's name." })
  clipName!: string | null;
  @Field(() => String, {
    description: "* SOURCE FILE / the OTIO media reference's file; null when the file has none.",
    nullable: true,
  })
  sourceFile!: string | null;
  @Field(() => Int, { description: "Frames from 00:00:00:00 at the edit's rate." }) sourceIn!: number;
  @Field(() => Int, { description: "Exclusive." }) sourceOut!: number;
  @Field(() => Int, {
    description: "First record frame on the cut's timeline, in frames from 00:00:00:00 at the edit's rate.",
  })
  recordIn!: number;
  @Field(() => Int, { description: "Exclusive." }) recordOut!: number;
  @Field(() => String, { description: "recordIn as SMPTE timecode at the edit's rate." })
  recordInTimecode!: string;
  @Field(() => String, { description: "Exclusive, continuing past 24:00:00:00." }) recordOutTimecode!: string;
  @Field(() => TransitionKind, { description: "The incoming transition." }) transition!: TransitionKind;
  @Field(() => Int, { description: "Transition length in frames; 0 for a cut." }) transitionFrames!: number;
  @Field(() => Float, {
    nullable: true,
    description: "Source frames per second of a speed effect; 0 is a freeze.",
  })
  speedFps!: number | null;
  @Field(() => Int, { nullable: true, description: "1-based EDL line; null for OTIO." }) line!: number | null;
}

@ObjectType({ description: "A locator or marker read with the edit (record frame)." })
export class EditMarker {
  @Field(() => Int, { description: "Record frame of the marker, from 00:00:00:00 at the edit's rate." })
  frame!: number;
  @Field(() => Int, { description: "Length in frames; 1 for a point marker." }) durationFrames!: number;
  @Field(() => String, {
    description: "The marker's colour as written in the file; null when none.",
    nullable: true,
  })
  colour!: string | null;
  @Field(() => String, { description: "The marker's name; may be empty." }) name!: string;
  @Field(() => String, { description: "The marker's text; may be empty." }) comment!: string;
}

@ObjectType({ description: "A CUT version's edit (EDL or OTIO), as read by the server (docs/exports.md)." })
export class CutEdit {
  @Field(() => ID, { description: "The edit's id." }) id!: string;
  @Field(() => EditFormat, { description: "The file format it was read from." }) format!: EditFormat;
  @Field(() => String, { description: "The uploaded file's name; null when not given.", nullable: true })
  fileName!: string | null;
  @Field(() => String, { description: "TITLE: / the timeline's name." }) name!: string;
  @Field(() => FrameRateEnum, { description: "The rate the edit was read at (FCM picks DF or NDF)." })
  frameRate!: FrameRate;
  @Field(() => Int, { description: "How many events it has (page through `events`)." }) eventCount!: number;
  @Field(() => Int, { description: "How many markers it has (page through `markers`)." })
  markerCount!: number;
  @Field(() => [String], { description: "Read but doubtful, e.g. source and record lengths differ." })
  warnings!: string[];
  @Field(() => Date, { description: "When it was attached." }) attachedAt!: Date;
  @Field(() => Int, { description: "1 for the first edit attached to the version, +1 per replacement." })
  revision!: number;

  versionId!: string;
  attachedById!: string;
  doc!: CutEditDoc;
}

export function toCutEdit(doc: CutEditDoc): CutEdit {
  return Object.assign(new CutEdit(), {
    id: String(doc._id),
    format: doc.format,
    fileName: doc.fileName ?? null,
    name: doc.name ?? "",
    frameRate: doc.rate as FrameRate,
    eventCount: doc.events.length,
    markerCount: doc.markers.length,
    warnings: doc.warnings ?? [],
    attachedAt: doc.attachedAt,
    revision: doc.revision ?? 1,
    versionId: String(doc.versionId),
    attachedById: String(doc.attachedBy),
    doc,
  });
}

export function toEditEvent(e: EventData, rate: FrameRate): EditEvent {
  const label = (f: number) =>
    f >= 0 ? framesToContinuousTimecode(f, rate, framesToTimecode(0, rate)) : String(f);
  return Object.assign(new EditEvent(), {
    number: e.number,
    tracks: e.tracks,
    reel: e.reel,
    clipName: e.clipName,
    sourceFile: e.sourceFile,
    sourceIn: e.sourceIn,
    sourceOut: e.sourceOut,
    recordIn: e.recordIn,
    recordOut: e.recordOut,
    recordInTimecode: label(e.recordIn),
    recordOutTimecode: label(e.recordOut),
    transition: e.transition.kind,
    transitionFrames: e.transition.frames,
    speedFps: e.speed ? e.speed.fps : null,
    line: e.line,
  });
}

export function toEditMarker(m: MarkerData): EditMarker {
  return Object.assign(new EditMarker(), {
    frame: m.frame,
    durationFrames: m.durationFrames,
    colour: m.colour,
    name: m.name,
    comment: m.comment,
  });
}
