import DataLoader from "dataloader";
import type { Types } from "mongoose";
import { EpisodeModel, MAX_EPISODES, type EpisodeDoc } from "./episode.model.js";
import { leanByIdLoader, leanGroupLoader } from "../core/lean-loaders.js";
import { membershipCache } from "./membership-cache.js";
import { MAX_MEMBERS, MembershipModel, type MembershipDoc } from "./membership.model.js";
import { parseId } from "../core/ids.js";
import { ProductionModel, type ProductionDoc } from "./production.model.js";

export const membershipKey = (productionId: string, userId: string) => `${productionId}:${userId}`;

/** Per-request loaders of the productions domain; registered in app/loaders.ts. */
export function productionLoaders() {
  return {
    productionById: leanByIdLoader<ProductionDoc>(ProductionModel),
    /** Key `productionId:userId` -> the membership or null. One indexed query per batch. */
    membershipByKey: new DataLoader<string, MembershipDoc | null>(async (keys) => {
      // The process's membership cache first (membership-cache.ts); the store for the rest.
      const cached = new Map<string, MembershipDoc>();
      for (const k of keys) {
        const hit = membershipCache.get(k);
        if (hit) cached.set(k, hit);
      }
      const pairs = keys
        .filter((k) => !cached.has(k))
        .map((k) => k.split(":").map(parseId))
        .filter(
          (p): p is [Types.ObjectId, Types.ObjectId] => p.length === 2 && p[0] !== null && p[1] !== null,
        );
      if (pairs.length === 0) return keys.map((k) => cached.get(k) ?? null);
      const mark = membershipCache.mark();
      // Through mongoose, not the driver: realtime's executions bound their reads by mongoose's
      // query middleware (core/db-bound.ts).
      const docs = await MembershipModel.find({
        $or: pairs.map(([productionId, userId]) => ({ productionId, userId })),
      }).lean();
      for (const d of docs) {
        const key = membershipKey(String(d.productionId), String(d.userId));
        cached.set(key, d);
        membershipCache.set(key, d, mark);
      }
      return keys.map((k) => cached.get(k) ?? null);
    }),
    membersByProductionId: leanGroupLoader<MembershipDoc>(MembershipModel, "productionId", MAX_MEMBERS),
    episodeById: leanByIdLoader<EpisodeDoc>(EpisodeModel),
    episodesByProductionId: leanGroupLoader<EpisodeDoc>(EpisodeModel, "productionId", MAX_EPISODES),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof productionLoaders> {}
}
