import type { Context } from "../core/context.js";
import { EventType } from "../events/event.enums.js";
import type { EventDraft } from "../events/event.service.js";
import type { VersionStatus } from "../versions/version.enums.js";
import type { VersionDoc } from "../versions/version.model.js";
import { toVersion, type Version } from "../versions/version.type.js";

/** Primes the loaders with the written version (after the command committed) and maps it. */
export function refresh(ctx: Context, doc: VersionDoc): Version {
  ctx.loaders.versionById.clear(String(doc._id)).prime(String(doc._id), doc);
  ctx.loaders.versionsByAssetId.clear(String(doc.assetId));
  return toVersion(doc);
}

/** The status change as it happened, so the event log never has to read the version's status now. */
export function statusChanged(version: VersionDoc, to: VersionStatus): EventDraft {
  return {
    type: EventType.VERSION_STATUS_CHANGED,
    versionId: version._id,
    assetId: version.assetId,
    fromStatus: version.status,
    toStatus: to,
  };
}
