import { type ChangeDoc, changedId, postImage } from "../core/change-stream.js";
import type { PresenceEntry } from "../core/presence.js";
import type { FeedSource } from "../events/event.feed.js";
import { PRESENCE_COLLECTION, type PresenceDoc } from "./presence.model.js";

export function toPresenceEntry(d: PresenceDoc): PresenceEntry {
  return {
    userId: String(d.userId),
    role: d.role ?? null,
    frame: d.frame ?? null,
    line: d.line ?? null,
    playing: Boolean(d.playing),
    updatedAt: new Date(d.updatedAt),
  };
}

/**
 * The presence collection in the event feed. A document's `_id` is "<versionId>:<userId>", so a
 * TTL deletion, whose change carries only the `_id`, still says whose presence ended.
 */
export function presenceSource(
  onChange: (versionId: string, userId: string, entry: PresenceEntry | null) => void,
): FeedSource {
  return {
    coll: PRESENCE_COLLECTION,
    operations: ["insert", "update", "replace", "delete"],
    onChange(change: ChangeDoc) {
      const [versionId, userId] = (changedId(change) ?? "").split(":");
      if (!versionId || !userId) return;
      if (change.operationType === "delete") {
        onChange(versionId, userId, null);
        return;
      }
      const doc = postImage<PresenceDoc>(change);
      if (doc) onChange(versionId, userId, toPresenceEntry(doc));
    },
  };
}
