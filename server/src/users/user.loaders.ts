import DataLoader from "dataloader";
import { parseId } from "../productions/object-id.js";
import { UserModel } from "./user.model.js";
import { type User, type UserLean, toUser } from "./user.type.js";

/** Per-request loaders of the users domain; registered in app/loaders.ts. */
export function userLoaders() {
  return {
    /**
     * Users by id; unknown or malformed ids resolve to null. Read with the driver: every
     * authenticated request not served by the identity cache reads its user, and a lean mongoose
     * query returns the same raw fields at about twice the client CPU.
     */
    userById: new DataLoader<string, User | null>(async (ids) => {
      const valid = ids.map(parseId).filter((id) => id !== null);
      const docs =
        valid.length === 0
          ? []
          : ((await UserModel.collection
              .find({ _id: { $in: valid } }, { projection: { email: 1, name: 1 } })
              .toArray()) as unknown as UserLean[]);
      const byId = new Map(docs.map((d) => [String(d._id), toUser(d)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
