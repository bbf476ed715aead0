import DataLoader from "dataloader";
import type { Model, Types } from "mongoose";
import { parseId } from "./ids.js";

/** A DataLoader of lean documents by id: one `$in` query per batch; unknown/malformed ids -> null. */
export function leanByIdLoader<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.map(parseId).filter((id): id is Types.ObjectId => id !== null);
    const docs = valid.length === 0 ? [] : ((await model.find({ _id: { $in: valid } }).lean()) as T[]);
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Groups documents by a foreign key: one `$in` query per batch, each group sorted by _id and
 * capped at `perKeyLimit` (the cap keeps a pathological key from loading unbounded rows).
 */
export function leanGroupLoader<T extends { _id: Types.ObjectId }>(
  model: Model<T>,
  key: keyof T & string,
  perKeyLimit: number,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const valid = keys.map(parseId).filter((id): id is Types.ObjectId => id !== null);
    const groups = new Map<string, T[]>();
    if (valid.length > 0) {
      const docs = (await model
        .find({ [key]: { $in: valid } } as Record<string, unknown>)
        .sort({ _id: 1 })
        .limit(perKeyLimit * valid.length)
        .lean()) as T[];
      for (const d of docs) {
        const k = String(d[key]);
        const list = groups.get(k) ?? [];
        if (list.length < perKeyLimit) list.push(d);
        groups.set(k, list);
      }
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
