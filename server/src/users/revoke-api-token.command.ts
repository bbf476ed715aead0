import mongoose from "mongoose";
import type { Viewer } from "../core/context.js";
import { identityCache } from "../auth/identity-cache.js";
import { notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { ApiTokenModel } from "./api-token.model.js";

/** Someone else's token is NOT_FOUND, like a missing one, so ids reveal nothing. */
export async function revokeApiTokenCommand(viewer: Viewer, id: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(id)) throw notFound("API token");
  const matched = await runCommand("users/revoke-api-token", async ({ session }) => {
    const res = await ApiTokenModel.updateOne(
      {
        _id: new mongoose.Types.ObjectId(id),
        userId: new mongoose.Types.ObjectId(viewer.userId),
        revokedAt: null,
      },
      { $set: { revokedAt: new Date() } },
      { session },
    );
    return res.matchedCount;
  });
  // Forget even when nothing matched: a concurrent revocation may have won the update.
  identityCache.forgetApiToken(id);
  if (matched === 0) throw notFound("API token");
  return true;
}
