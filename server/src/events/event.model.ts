import mongoose, { Schema, Types } from "mongoose";
import { CarryMethod, CarryOutcome } from "../notes/note-carry.enums.js";
import { ProductionStage, Role } from "../productions/production.enums.js";
import { VersionStatus } from "../versions/version.enums.js";
import { EventType } from "./event.enums.js";
import { boundedQueries } from "../core/db-bound.js";

/**
 * What each event type carries, as a table (checked at compile time to name every type) from which
 * the payload types are derived, and which `recordEvents` and the event feed validate against at run
 * time. Payloads are ids: readers resolve them through the loaders at delivery time.
 */
const ID = "id";
const ROLE = "role";
const STAGE = "stage";
const STATUS = "status";
/** A count that only some events of the type carry (e.g. approvals on an approving decision). */
const OPTIONAL_COUNT = "optional count";
const OUTCOME = "carry outcome";
const METHOD = "carry method";
type FieldKind =
  | typeof ID
  | typeof ROLE
  | typeof STAGE
  | typeof STATUS
  | typeof OPTIONAL_COUNT
  | typeof OUTCOME
  | typeof METHOD;
type PayloadSpec = Readonly<Record<string, FieldKind>>;

const NOTE = { noteId: ID, versionId: ID } as const;
const VERSION = { versionId: ID, assetId: ID } as const;
const MEMBER = { memberUserId: ID, memberRole: ROLE } as const;

export const EVENT_PAYLOADS = {
  [EventType.MEMBER_ADDED]: MEMBER,
  [EventType.MEMBER_REMOVED]: MEMBER,
  [EventType.STAGE_CHANGED]: { stage: STAGE },
  [EventType.EPISODE_ADDED]: { episodeId: ID },
  [EventType.ASSET_CREATED]: { assetId: ID },
  [EventType.VERSION_ADDED]: VERSION,
  [EventType.VERSION_SUPERSEDED]: VERSION,
  [EventType.NOTE_ADDED]: NOTE,
  [EventType.NOTE_UPDATED]: NOTE,
  [EventType.NOTE_DELETED]: NOTE,
  [EventType.NOTE_STATUS_CHANGED]: NOTE,
  [EventType.REPLY_ADDED]: { ...NOTE, replyId: ID },
  // The outcome and method as mapped, so tools reading the log need not fetch the carry.
  [EventType.NOTE_CARRIED]: { ...NOTE, carryId: ID, carryOutcome: OUTCOME, carryMethod: METHOD },
  [EventType.NOTE_CARRY_CONFIRMED]: { ...NOTE, carryId: ID },
  [EventType.REVIEW_REQUESTED]: VERSION,
  // Approving decisions carry the round's approvals so far and those required, as of the event.
  [EventType.REVIEW_DECIDED]: {
    versionId: ID,
    reviewId: ID,
    approvals: OPTIONAL_COUNT,
    approvalsRequired: OPTIONAL_COUNT,
  },
  // The status before and after, as of the event: the activity feed never reads the version's status now.
  [EventType.VERSION_STATUS_CHANGED]: { ...VERSION, fromStatus: STATUS, toStatus: STATUS },
  [EventType.EDIT_ATTACHED]: VERSION,
} as const satisfies Record<EventType, PayloadSpec>;

type Payloads = typeof EVENT_PAYLOADS;
type KindType<K extends FieldKind> = K extends typeof ID
  ? Types.ObjectId
  : K extends typeof ROLE
    ? Role
    : K extends typeof STATUS
      ? VersionStatus
      : K extends typeof OPTIONAL_COUNT
        ? number
        : K extends typeof OUTCOME
          ? CarryOutcome
          : K extends typeof METHOD
            ? CarryMethod
            : ProductionStage;
type Spec<T extends EventType> = Payloads[T];
/** Every payload field of any type: on a given type, the ones it does not carry are absent. */
type PayloadField = { [T in EventType]: keyof Payloads[T] }[EventType];

/** The payload of one event type, e.g. `EventPayload<EventType.NOTE_ADDED>` = `{ noteId, versionId }`. */
export type EventPayload<T extends EventType> = {
  -readonly [F in keyof Spec<T> as Spec<T>[F] extends typeof OPTIONAL_COUNT
    ? never
    : F]: Spec<T>[F] extends FieldKind ? KindType<Spec<T>[F]> : never;
} & {
  -readonly [F in keyof Spec<T> as Spec<T>[F] extends typeof OPTIONAL_COUNT ? F : never]?: number | null;
};

/** What a command records: the type and exactly its payload. */
export type EventDraft = { [T in EventType]: { type: T } & EventPayload<T> }[EventType];

/** Written by recordEvents, not by the command. */
export interface EventBase {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  /** Allocated per production from `productions.eventSeq` (event.service.ts); the only order. */
  seq: number;
  /** Taken after the allocation: never earlier than the allocation of any lower seq. */
  at: Date;
  actorId: Types.ObjectId | null;
}

/**
 * One stored event, discriminated by `type`. The fields another type carries read as absent
 * (`undefined`, or `null` in documents written before payloads were typed), so readers can look at
 * `e.versionId` on any event and narrow on `type` for the rest.
 */
export type EventDoc = {
  [T in EventType]: EventBase & { type: T } & EventPayload<T> & {
      [F in Exclude<PayloadField, keyof Payloads[T]>]?: null;
    };
}[EventType];

function validKind(kind: FieldKind, v: unknown): boolean {
  if (kind === ID) return v instanceof Types.ObjectId;
  if (kind === ROLE) return Object.values(Role).includes(v as Role);
  if (kind === STATUS) return Object.values(VersionStatus).includes(v as VersionStatus);
  if (kind === OPTIONAL_COUNT) return v == null || (Number.isInteger(v) && (v as number) >= 0);
  if (kind === OUTCOME) return Object.values(CarryOutcome).includes(v as CarryOutcome);
  if (kind === METHOD) return Object.values(CarryMethod).includes(v as CarryMethod);
  return Object.values(ProductionStage).includes(v as ProductionStage);
}

/**
 * Why `e` (a draft, or a stored/streamed event's payload part) is not a valid payload of its type, or
 * null. Fields of the type must hold their kind; other payload fields must be absent or null.
 */
export function payloadProblem(e: { type: unknown } & Record<string, unknown>): string | null {
  const spec: PayloadSpec | undefined = (EVENT_PAYLOADS as Record<string, PayloadSpec>)[String(e.type)];
  if (!spec) return `unknown event type ${String(e.type)}`;
  for (const [field, kind] of Object.entries(spec)) {
    if (!validKind(kind, e[field])) return `${String(e.type)}.${field} must be a ${kind}`;
  }
  for (const field of ALL_PAYLOAD_FIELDS) {
    if (!(field in spec) && e[field] != null) return `${String(e.type)} carries no ${field}`;
  }
  return null;
}

export const ALL_PAYLOAD_FIELDS: readonly string[] = [
  ...new Set(Object.values(EVENT_PAYLOADS).flatMap((spec) => Object.keys(spec))),
];

const eventSchema = new Schema(
  {
    productionId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    type: { type: String, enum: Object.values(EventType), required: true },
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    versionId: { type: Schema.Types.ObjectId },
    noteId: { type: Schema.Types.ObjectId },
    replyId: { type: Schema.Types.ObjectId },
    carryId: { type: Schema.Types.ObjectId },
    reviewId: { type: Schema.Types.ObjectId },
    assetId: { type: Schema.Types.ObjectId },
    episodeId: { type: Schema.Types.ObjectId },
    memberUserId: { type: Schema.Types.ObjectId },
    memberRole: { type: String, enum: Object.values(Role) },
    stage: { type: String, enum: Object.values(ProductionStage) },
    fromStatus: { type: String, enum: Object.values(VersionStatus) },
    toStatus: { type: String, enum: Object.values(VersionStatus) },
    approvals: { type: Number },
    approvalsRequired: { type: Number },
    carryOutcome: { type: String, enum: Object.values(CarryOutcome) },
    carryMethod: { type: String, enum: Object.values(CarryMethod) },
  },
  { versionKey: false },
);
eventSchema.index({ productionId: 1, seq: 1 }, { unique: true });
// For versionEvents: the events concerning one version, in production order.
eventSchema.index({ versionId: 1, seq: 1 });

eventSchema.plugin(boundedQueries);
export const EventModel = mongoose.model("Event", eventSchema, "events");
