import mongoose from "mongoose";
import type { Viewer } from "../core/context.js";
import { identityCache } from "../auth/identity-cache.js";
import { SessionModel } from "../auth/session.model.js";
import { runCommand } from "../events/command.js";
import { ApiTokenModel } from "./api-token.model.js";

/**
 * Ends every session of the viewer (this one included) and, unless kept, revokes every API token:
 * for a lost laptop or a leaked token. Each deleted session and revoked token reaches every
 * process's change stream, which closes the sockets using them (realtime/identity-watch.ts).
 * Answers how many sessions and tokens were ended.
 */
export async function signOutEverywhereCommand(viewer: Viewer, keepApiTokens: boolean): Promise<number> {
  const userId = new mongoose.Types.ObjectId(viewer.userId);
  const ended = await runCommand("users/sign-out-everywhere", async ({ session }) => {
    const sessions = await SessionModel.deleteMany({ userId }, { session });
    if (keepApiTokens) return sessions.deletedCount;
    const tokens = await ApiTokenModel.updateMany(
      { userId, revokedAt: null },
      { $set: { revokedAt: new Date() } },
      { session },
    );
    return sessions.deletedCount + tokens.modifiedCount;
  });
  // This process refuses them at once; others forget each on its change event.
  identityCache.forgetUser(viewer.userId);
  return ended;
}
