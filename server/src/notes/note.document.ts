import { NoteStatus } from "./note.enums.js";
import type { AnchorDoc, NoteDoc } from "./note.model.js";

type NewNoteFields = Pick<
  NoteDoc,
  | "_id"
  | "versionId"
  | "assetId"
  | "productionId"
  | "authorId"
  | "authorRole"
  | "body"
  | "anchor"
  | "category"
  | "assigneeId"
  | "mentions"
  | "drawing"
  | "createdAt"
>;

/**
 * A new note exactly as `NoteModel` would store it (defaults applied, no undefined fields), for
 * services that insert with the driver. `note.document.test.ts` checks it against the schema, so
 * the model stays the source of truth for the shape.
 */
export function newNoteDoc(f: NewNoteFields): NoteDoc {
  return {
    _id: f._id,
    versionId: f.versionId,
    assetId: f.assetId,
    productionId: f.productionId,
    authorId: f.authorId,
    authorRole: f.authorRole,
    body: f.body,
    anchor: definedOnly(f.anchor),
    status: NoteStatus.OPEN,
    category: f.category,
    assigneeId: f.assigneeId,
    mentions: f.mentions.map((m) => ({
      kind: m.kind,
      label: m.label,
      userId: m.userId ?? null,
      role: m.role ?? null,
    })),
    drawing: f.drawing,
    statusChangedBy: null,
    statusChangedAt: null,
    statusChangedIn: null,
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    replyCount: 0,
    createdAt: f.createdAt,
    updatedAt: f.createdAt,
  };
}

/** The driver would store an undefined field as null; mongoose leaves it out. */
function definedOnly(anchor: AnchorDoc): AnchorDoc {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(anchor)) if (v !== undefined) out[k] = v;
  if (out.stem === undefined) out.stem = null;
  return out as unknown as AnchorDoc;
}
