import type { Types } from "mongoose";
import type { CommandTx } from "../events/command.js";
import type { EventDraft } from "../events/event.service.js";
import { recarryInto } from "../versions/carry-notes.js";
import { type VersionDoc, VersionModel } from "../versions/version.model.js";

/** Mix assets re-mapped per attach at most: a cut version is mixed against by a handful of mixes. */
const MAX_MIXES = 50;

/**
 * attachEdit on a cut: the latest version of each mix whose carry went through this cut (it, or
 * the mix before it, was mixed against this cut version) is re-mapped as its next audited run, in
 * the attach's transaction. Older mixes' carries are history and stay as they were.
 */
export async function reconformMixes(
  tx: CommandTx,
  cut: VersionDoc,
  by: Types.ObjectId,
): Promise<EventDraft[]> {
  // One operation at a time: a transaction's session runs its operations in order.
  const mixedTo = await VersionModel.find({ pictureVersionId: cut._id }, { assetId: 1, number: 1 })
    .sort({ _id: 1 })
    .limit(MAX_MIXES * 4)
    .session(tx.session)
    .lean();
  const byAsset = new Map<string, number[]>();
  for (const m of mixedTo)
    byAsset.set(String(m.assetId), [...(byAsset.get(String(m.assetId)) ?? []), m.number]);
  const events: EventDraft[] = [];
  for (const [assetId, numbers] of [...byAsset].slice(0, MAX_MIXES)) {
    const latest = await VersionModel.findOne({ assetId })
      .sort({ number: -1 })
      .session(tx.session)
      .lean<VersionDoc>();
    if (!latest || latest.number < 2) continue;
    if (numbers.includes(latest.number) || numbers.includes(latest.number - 1)) {
      events.push(...(await recarryInto(tx, latest, by)));
    }
  }
  return events;
}
