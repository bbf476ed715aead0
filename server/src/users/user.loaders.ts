import DataLoader from "dataloader";
import mongoose from "mongoose";
import { UserModel } from "./user.model.js";
import { type User, toUser } from "./user.type.js";

/** Per-request loaders of the users domain; registered in app/loaders.ts. */
export function userLoaders() {
  return {
    /**
     * Users by id; unknown or malformed ids resolve to null. Through mongoose, not the driver:
     * realtime executions load users inside `realtimeDb.run`, whose bound hooks mongoose queries only.
     */
    userById: new DataLoader<string, User | null>(async (ids) => {
      const valid = ids.filter((id) => mongoose.isValidObjectId(id));
      const docs = await UserModel.find({ _id: { $in: valid } }, { email: 1, name: 1 }).lean();
      const byId = new Map(docs.map((d) => [String(d._id), toUser(d)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof userLoaders> {}
}
